import { formatRelative } from '../shared/token/formatDuration.ts';
import { useNow } from '../shared/useNow.ts';

interface RelativeTimeProps {
  /** NumericDate (seconds, server clock). */
  at: number;
  skewMs: number;
}

/** Local date-time plus "in 3 min 12 s" / "2 min ago"; a leaf, so only it follows the clock. */
export function RelativeTime({ at, skewMs }: RelativeTimeProps) {
  const nowMs = useNow(1000);
  // Shown in local time as the user's clock would read it (server time minus skew).
  const local = new Date(at * 1000 - skewMs);
  return (
    <span>
      <time dateTime={local.toISOString()}>{local.toLocaleString()}</time>{' '}
      <span className="muted">({formatRelative(at, (nowMs + skewMs) / 1000)})</span>
    </span>
  );
}
