import type { EnvironmentConfig } from '../config/types.ts';
import { localClock } from '../shared/format.ts';
import { useServerNow, useServerTime } from '../shared/serverTime.tsx';
import { distrustOf } from '../shared/token/distrust.ts';
import { explainJudgement } from '../shared/token/explainJudgement.ts';
import { formatClock, formatSpan } from '../shared/token/formatDuration.ts';
import { expectationsOf, judgeToken, type SignatureStatus } from '../shared/token/judgeToken.ts';
import type { TokenReading } from '../shared/token/readToken.ts';
import { NOTABLE_SKEW_MS } from '../shared/token/serverClock.ts';
import { tokenTime, wholeSeconds } from '../shared/token/tokenTime.ts';
import { countdownLabel } from './countdownLabel.ts';

interface CountdownProps {
  access: TokenReading;
  /** The environment and signature status the verdict beside it judges the token with. */
  environment: Pick<EnvironmentConfig, 'authority' | 'api'>;
  signature?: SignatureStatus | undefined;
  testId?: string;
}

/**
 * The one component that re-renders every second, with the token's time in the server's clock.
 * Case 15: it judges the token as the verdict does (judgeToken, explainJudgement, same inputs), so a
 * token the verdict distrusts reads "Untrusted" here, in the verdict's tone, never "Valid".
 */
export function Countdown({ access, environment, signature, testId = 'countdown' }: CountdownProps) {
  const { serverNow, nowMs } = useServerNow();
  const { skewMs, expiresInMismatch: mismatch } = useServerTime().clock;
  const time = tokenTime(access, serverNow);
  const clockText = formatClock(time.secondsLeft ?? 0);
  const expected = expectationsOf(environment);
  const judgement = judgeToken(access, expected, serverNow, signature);
  const left = access.exp === undefined ? undefined : wholeSeconds(access.exp - serverNow);
  const { label, tone } = countdownLabel(time.state, {
    distrusted: distrustOf(judgement).length > 0,
    tone: explainJudgement(judgement, expected, left, signature).tone,
  });
  return (
    <div className={`tk-countdown tk-countdown--${time.state} tone-${tone}`}>
      <p className="tk-countdown__text">
        <span className={`tk-countdown__state text-${tone}`} data-testid={`${testId}-state`}>
          {label}
        </span>
        <span className={`tk-countdown__clock${tone === 'ok' ? '' : ` text-${tone}`}`} data-testid={testId}>
          {time.state === 'expired'
            ? `expired ${clockText} ago`
            : time.state === 'not-yet-valid'
              ? `valid in ${formatClock(time.validIn ?? 0)}`
              : `${clockText} left`}
        </span>
        {time.lifetime && <span className="muted small"> of {formatSpan(time.lifetime)}</span>}
      </p>
      <div
        className="tk-countdown__bar"
        role="progressbar"
        aria-label="Token lifetime left"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(time.fractionLeft * 100)}
      >
        <span style={{ width: `${time.fractionLeft * 100}%` }} />
      </div>
      {Math.abs(skewMs) >= NOTABLE_SKEW_MS && (
        <p className="small text-warn" data-testid="skew">
          Your clock is {formatSpan(skewMs / 1000)} {skewMs > 0 ? 'behind' : 'ahead of'} the server (measured
          from the token's iat when it arrived): the server's clock says {localClock(serverNow * 1000)}, yours{' '}
          {localClock(nowMs)}. The countdown uses the server's time.
        </p>
      )}
      {mismatch && (
        <p className="small text-warn" data-testid="expires-in-mismatch">
          The token response said it lives {formatSpan(mismatch.expiresIn)} (expires_in {mismatch.expiresIn}),
          but the token itself says {formatSpan(mismatch.lifetime)} (exp − iat). The portal goes by the token;
          an IdP or gateway in between announces the wrong lifetime.
        </p>
      )}
    </div>
  );
}
