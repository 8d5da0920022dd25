import { startTransition, useEffect, useState } from 'react';
import { type PaintMark, whenPainted } from '../ui/paintMark.ts';

/** A page without its mark (an error, a hidden tab that paints nothing) still gets the rest. */
const FALLBACK_MS = 250;

/**
 * Whether `mark` (the decoded token, or the Sign in button) is on screen since `ready` became true:
 * false in the commit that shows it, true once the browser reports it painted. The shell renders
 * what lies below (the identities, the request pane, the other sections) only then, and as a
 * transition, which React interrupts for a click: the first paint does not wait for them, nothing
 * above moves when they come, and Sign in answers at once (time to first token, #11).
 */
export function useAfterPaint(ready: boolean, mark: PaintMark): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    const show = () => startTransition(() => setPainted(true));
    const fallback = setTimeout(show, FALLBACK_MS);
    const cancel = whenPainted(mark, show);
    return () => {
      clearTimeout(fallback);
      cancel();
    };
  }, [ready, painted, mark]);
  return painted;
}
