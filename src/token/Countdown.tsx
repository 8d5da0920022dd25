import type { Tone } from '../shared/explanation.ts';
import { localClock } from '../shared/format.ts';
import { useServerNow, useServerTime } from '../shared/serverTime.tsx';
import { formatClock, formatSpan } from '../shared/token/formatDuration.ts';
import type { TokenReading } from '../shared/token/readToken.ts';
import { NOTABLE_SKEW_MS } from '../shared/token/serverClock.ts';
import { type TimeState, tokenTime } from '../shared/token/tokenTime.ts';

const LABEL: Record<TimeState, [label: string, tone: Tone]> = {
  fresh: ['Valid', 'ok'],
  expiring: ['Expiring soon', 'warn'],
  expired: ['Expired', 'bad'],
  'not-yet-valid': ['Not valid yet', 'warn'],
  'no-expiry': ['No expiry', 'info'],
};

/** The one component that re-renders every second, with the token's time in the server's clock. */
export function Countdown({ access, testId = 'countdown' }: { access: TokenReading; testId?: string }) {
  const { serverNow, nowMs } = useServerNow();
  const { skewMs, expiresInMismatch: mismatch } = useServerTime().clock;
  const time = tokenTime(access, serverNow);
  const clockText = formatClock(time.secondsLeft ?? 0);
  const [label, tone] = LABEL[time.state];
  return (
    <div className={`tk-countdown tk-countdown--${time.state} tone-${tone}`}>
      <p className="tk-countdown__text">
        <span className={`tk-countdown__state text-${tone}`}>{label}</span>
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
