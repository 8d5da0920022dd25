import type { User } from 'oidc-client-ts';
import type { EnvironmentConfig } from '../config/types.ts';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
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
  /** The session's tokens, read once by the shell (useTokenModel), with the server's clock. */
  tokens: SessionTokens;
}

/** The token inspector: who and whether, time left, refresh, the tokens decoded, the session's events. */
export function TokenPanel({ user, environment, session, tokens }: TokenPanelProps) {
  const { access, clock } = tokens;
  const mixUp = issuerMismatch(environment.authority, [access, tokens.id]);
  const previous = tokens.earlier[0];
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
      <TokenVerdict access={access} environment={environment} skewMs={clock.skewMs} />
      <div className="token-panel__time">
        {access.exp !== undefined ? (
          <Countdown access={access} clock={clock} />
        ) : (
          <p className="muted">This access token carries no expiry the portal can read.</p>
        )}
        <RefreshControls
          session={session}
          hasRefreshToken={Boolean(user.refresh_token)}
          access={access}
          skewMs={clock.skewMs}
        />
      </div>
      {previous && <RefreshChanges previous={previous} current={access} />}
      <TokenTabs
        tokens={tokens}
        {...(user.refresh_token ? { refreshToken: user.refresh_token } : {})}
        environment={environment}
      />
      <EventsTimeline events={session.events} />
    </section>
  );
}
