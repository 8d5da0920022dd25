import type { User } from 'oidc-client-ts';
import type { EnvironmentConfig } from '../config/types.ts';
import { decodeToken } from '../shared/token/decodeToken.ts';
import { Countdown } from './Countdown.tsx';
import { EventsTimeline } from './EventsTimeline.tsx';
import { issuerMismatch } from './issuerMismatch.ts';
import { RefreshChanges } from './RefreshChanges.tsx';
import { RefreshControls } from './RefreshControls.tsx';
import { TokenTabs } from './TokenTabs.tsx';
import { TokenVerdict } from './TokenVerdict.tsx';
import type { TokenSession } from './useTokenSession.ts';
import './token.css';

interface TokenPanelProps {
  user: User;
  environment: EnvironmentConfig;
  session: TokenSession;
  /** Server clock minus ours, measured once by the shell (measureSkew) and shared with the request pane. */
  skewMs: number;
}

/** The token inspector: who and whether, time left, refresh, the tokens decoded, the session's events. */
export function TokenPanel({ user, environment, session, skewMs }: TokenPanelProps) {
  const access = decodeToken(user.access_token);
  const exp = access.ok && typeof access.payload.exp === 'number' ? access.payload.exp : undefined;
  const iat = access.ok && typeof access.payload.iat === 'number' ? access.payload.iat : undefined;
  const mixUp = issuerMismatch(environment.authority, [access, decodeToken(user.id_token)]);
  return (
    <section className="card token-panel" aria-labelledby="token-title">
      <h2 id="token-title" className="sr-only">
        Your token
      </h2>
      {mixUp && (
        <p className="flag flag--error" role="alert">
          {mixUp}
        </p>
      )}
      <TokenVerdict access={access} environment={environment} />
      <div className="token-panel__time">
        {exp !== undefined ? (
          <Countdown exp={exp} iat={iat} skewMs={skewMs} />
        ) : (
          <p className="muted">This access token carries no expiry the portal can read.</p>
        )}
        <RefreshControls
          session={session}
          hasRefreshToken={Boolean(user.refresh_token)}
          exp={exp}
          iat={iat}
          skewMs={skewMs}
        />
      </div>
      {session.previousAccessToken && (
        <RefreshChanges previous={session.previousAccessToken} current={user.access_token} />
      )}
      <TokenTabs
        accessToken={user.access_token}
        {...(user.id_token ? { idToken: user.id_token } : {})}
        {...(user.refresh_token ? { refreshToken: user.refresh_token } : {})}
        environment={environment}
        skewMs={skewMs}
      />
      <EventsTimeline events={session.events} />
    </section>
  );
}
