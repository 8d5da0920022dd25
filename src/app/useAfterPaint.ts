import { useEffect, useState } from 'react';

/**
 * Whether the page has painted since `ready` became true: false in the commit that shows what is
 * ready, true in a later one. The shell renders the token card first and what lies below it (the
 * identities, the request pane, the other sections) once the token is on screen: nothing above
 * moves when they come, and the first paint does not wait for them (time to first token, #11).
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    // The frame that paints the token runs its animation callbacks first; the task queued there runs
    // after that frame is out.
    // A hidden tab runs no frames: a timer then lets the rest come anyway.
    const show = () => setPainted(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(show, 0);
    });
    const fallback = setTimeout(show, 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [ready, painted]);
  return painted;
}
