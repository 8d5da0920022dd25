import type { User } from 'oidc-client-ts';
import type { EnvironmentConfig } from '../config/types.ts';
import { largeToken } from '../shared/bearer/largeToken.ts';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
import { Callout } from '../ui/Callout.tsx';
import { Countdown } from './Countdown.tsx';
import { EventsTimeline } from './EventsTimeline.tsx';
import { issuerMixUp } from './inspect/checkClaims.ts';
import { TokenTabs } from './inspect/TokenTabs.tsx';
import { useSignatureCheck, type Verify } from './inspect/useSignatureCheck.ts';
import { RefreshChanges } from './RefreshChanges.tsx';
import { RefreshControls } from './RefreshControls.tsx';
import { type AccessInHand, describeRefreshError } from './session/refreshFailure.ts';
import type { LastRefresh } from './session/useLastRefresh.ts';
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
  /** The last refresh's failure (useTokenModel), explained next to the Refresh button. */
  refreshError?: unknown;
  /** The access token in hand, for what a failed refresh leaves. */
  inHand?: AccessInHand | undefined;
  /** The session is over (the shell says why above): nothing may present its refresh token again. */
  ended?: boolean;
  /** What the last refresh held and left besides the access token. */
  lastRefresh?: LastRefresh | null;
  /** Injected in tests: the signature check against the realm's keys. */
  verify?: Verify;
}

/** The token inspector: who and whether, time left, refresh, the tokens decoded, the session's events. */
export function TokenPanel({
  user,
  environment,
  session,
  tokens,
  refresh,
  refreshError = null,
  inHand,
  ended = false,
  lastRefresh = null,
  verify,
}: TokenPanelProps) {
  const refreshFailure = refreshError ? describeRefreshError(refreshError, inHand) : null;
  // A dead session's refresh token is never offered again, not even to copy.
  const refreshToken = ended ? undefined : user.refresh_token;
  const { access } = tokens;
  // Case 15: the verdict rests on a signature checked against the realm's keys, not only decoded.
  const accessSignature = useSignatureCheck(access, environment.authority, {
    auto: true,
    ...(verify ? { verify } : {}),
  });
  const mixUp = issuerMixUp(environment.authority, [access, tokens.id]);
  const large = largeToken(access);
  const previous = tokens.earlier[0];
  return (
    <section className="card tk-panel" aria-labelledby="token-title">
      <h2 id="token-title" className="sr-only">
        Your token
      </h2>
      {mixUp && <Callout explanation={mixUp} role="alert" />}
      <TokenVerdict
        access={access}
        environment={environment}
        signature={accessSignature.status}
        sessionEnded={ended}
      />
      {large && <Callout explanation={large} role="note" testId="large-token" />}
      <div className="tk-panel__time">
        {access.exp !== undefined ? (
          <Countdown access={access} environment={environment} signature={accessSignature.status} />
        ) : (
          <p className="muted">This access token carries no expiry the portal can read.</p>
        )}
        <RefreshControls
          session={session}
          hasRefreshToken={Boolean(refreshToken)}
          access={access}
          refresh={refresh}
          failure={refreshFailure}
          ended={ended}
          lastRefresh={lastRefresh}
        />
      </div>
      {previous && <RefreshChanges previous={previous} current={access} />}
      <TokenTabs
        tokens={tokens}
        {...(refreshToken ? { refreshToken } : {})}
        environment={environment}
        accessSignature={accessSignature}
        verify={verify}
        ended={ended}
      />
      <EventsTimeline log={session.log} />
    </section>
  );
}
