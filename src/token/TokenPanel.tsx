import type { User } from 'oidc-client-ts';
import type { EnvironmentConfig } from '../config/types.ts';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
import { Callout } from '../ui/Callout.tsx';
import { Countdown } from './Countdown.tsx';
import { EventsTimeline } from './EventsTimeline.tsx';
import { issuerMixUp } from './inspect/checkClaims.ts';
import { TokenTabs } from './inspect/TokenTabs.tsx';
import { RefreshChanges } from './RefreshChanges.tsx';
import { RefreshControls } from './RefreshControls.tsx';
import type { RefreshFailure } from './session/refreshFailure.ts';
import type { RefreshOutcome } from './session/useRefresh.ts';
import type { TokenSession } from './session/useTokenSession.ts';
import { TokenVerdict } from './TokenVerdict.tsx';
import './token.css';

interface TokenPanelProps {
  user: User;
  environment: EnvironmentConfig;
  session: TokenSession;
  /** The session's tokens, read once by the shell (useTokenModel); the clock comes from ServerTimeProvider. */
  tokens: SessionTokens;
  /** The shell's one refresh (useTokenModel), which renewals share. */
  refresh: (trigger: 'manual' | 'auto') => Promise<RefreshOutcome>;
  /** Why the last refresh failed (useTokenModel), shown next to the Refresh button. */
  refreshFailure: RefreshFailure | null;
}

/** The token inspector: who and whether, time left, refresh, the tokens decoded, the session's events. */
export function TokenPanel({ user, environment, session, tokens, refresh, refreshFailure }: TokenPanelProps) {
  const { access } = tokens;
  const mixUp = issuerMixUp(environment.authority, [access, tokens.id]);
  const previous = tokens.earlier[0];
  return (
    <section className="card tk-panel" aria-labelledby="token-title">
      <h2 id="token-title" className="sr-only">
        Your token
      </h2>
      {mixUp && <Callout explanation={mixUp} role="alert" />}
      <TokenVerdict access={access} environment={environment} />
      <div className="tk-panel__time">
        {access.exp !== undefined ? (
          <Countdown access={access} />
        ) : (
          <p className="muted">This access token carries no expiry the portal can read.</p>
        )}
        <RefreshControls
          session={session}
          hasRefreshToken={Boolean(user.refresh_token)}
          access={access}
          refresh={refresh}
          failure={refreshFailure}
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
