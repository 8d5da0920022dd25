import { formatClock, formatSpan } from '../shared/token/formatDuration.ts';
import { useNow } from '../shared/useNow.ts';
import { NOTABLE_SKEW_MS } from './measureSkew.ts';
import { tokenTime } from './tokenTime.ts';

interface CountdownProps {
  exp: number;
  iat: number | undefined;
  skewMs: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

const LABEL = { fresh: 'Valid', expiring: 'Expiring soon', expired: 'Expired' } as const;

/** The one component that re-renders every second. */
export function Countdown({ exp, iat, skewMs, now }: CountdownProps) {
  const nowMs = useNow(1000, now);
  const time = tokenTime(exp, iat, nowMs, skewMs);
  const clock = formatClock(time.secondsLeft);
  return (
    <div className={`countdown countdown--${time.state}`}>
      <div className="countdown__text">
        <span className="countdown__state">{LABEL[time.state]}</span>
        <span className="countdown__clock" data-testid="countdown">
          {time.state === 'expired' ? `expired ${clock} ago` : `${clock} left`}
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
          Your clock is {formatSpan(skewMs / 1000)} {skewMs > 0 ? 'behind' : 'ahead of'} the server; the
          countdown uses the server's time.
        </p>
      )}
    </div>
  );
}
