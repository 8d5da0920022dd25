import { formatClock, formatSpan } from '../shared/token/formatDuration.ts';
import type { TokenReading } from '../shared/token/readToken.ts';
import { NOTABLE_SKEW_MS, type ServerClock } from '../shared/token/serverClock.ts';
import { serverNowSeconds, tokenTime } from '../shared/token/tokenTime.ts';
import { useNow } from '../shared/useNow.ts';

interface CountdownProps {
  access: TokenReading;
  clock: ServerClock;
  /** Injectable clock for tests. */
  now?: () => number;
}

const LABEL = {
  fresh: 'Valid',
  expiring: 'Expiring soon',
  expired: 'Expired',
  'not-yet-valid': 'Not valid yet',
  'no-expiry': 'No expiry',
} as const;

/** The one component that re-renders every second, with the token's time in the server's clock. */
export function Countdown({ access, clock, now }: CountdownProps) {
  const nowMs = useNow(1000, now);
  const time = tokenTime(access, serverNowSeconds(nowMs, clock.skewMs));
  const clockText = formatClock(time.secondsLeft ?? 0);
  const { skewMs, expiresInMismatch: mismatch } = clock;
  return (
    <div className={`countdown countdown--${time.state}`}>
      <div className="countdown__text">
        <span className="countdown__state">{LABEL[time.state]}</span>
        <span className="countdown__clock" data-testid="countdown">
          {time.state === 'expired'
            ? `expired ${clockText} ago`
            : time.state === 'not-yet-valid'
              ? `valid in ${formatClock(time.validIn ?? 0)}`
              : `${clockText} left`}
        </span>
        {time.lifetime && <span className="muted small"> of {formatSpan(time.lifetime)}</span>}
      </div>
      <div
        className="countdown__bar"
        role="progressbar"
        aria-label="Token lifetime left"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(time.fractionLeft * 100)}
      >
        <span style={{ width: `${time.fractionLeft * 100}%` }} />
      </div>
      {Math.abs(skewMs) >= NOTABLE_SKEW_MS && (
        <p className="small countdown__skew" data-testid="skew">
          Your clock is {formatSpan(skewMs / 1000)} {skewMs > 0 ? 'behind' : 'ahead of'} the server (measured
          from the token's iat when it arrived); the countdown uses the server's time.
        </p>
      )}
      {mismatch && (
        <p className="small countdown__skew" data-testid="expires-in-mismatch">
          The token response said it lives {formatSpan(mismatch.expiresIn)} (expires_in {mismatch.expiresIn}),
          but the token itself says {formatSpan(mismatch.lifetime)} (exp − iat). The portal goes by the token;
          an IdP or gateway in between announces the wrong lifetime.
        </p>
      )}
    </div>
  );
}
