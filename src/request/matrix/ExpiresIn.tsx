import { useServerNow } from '../../shared/serverTime.tsx';
import { describeTimeLeft } from '../../shared/token/formatDuration.ts';
import { wholeSeconds } from '../../shared/token/tokenTime.ts';

/**
 * When the tab's current token expires, said live (a leaf on the app's clock): the Expired column
 * waits for it, and a frozen "expires in 4 min 39 s" would be false a minute later.
 */
export function ExpiresIn({ exp, prefix = '' }: { exp: number; prefix?: string }) {
  const { serverNow } = useServerNow();
  return (
    <span className="rq-mx-cell__mark">
      {prefix}
      {describeTimeLeft(wholeSeconds(exp - serverNow))}
    </span>
  );
}
