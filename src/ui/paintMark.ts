/**
 * What each page must put on screen first, named for the Element Timing API: the decoded token
 * when signed in, the Sign in button when not. The shell renders the rest once the browser reports
 * that element painted (useAfterPaint), and `npm run bench` times both apps by the same entries.
 */
export type PaintMark = 'decoded-token' | 'sign-in';

/**
 * The attribute to spread on the element. React passes unknown lower-case attributes through; the
 * DOM typings do not list `elementtiming`, hence a spread rather than a JSX attribute.
 */
export const paintMark = (mark: PaintMark): { elementtiming: PaintMark } => ({ elementtiming: mark });

/** Whether this browser reports element paints (Chromium does; Firefox and Safari do not yet). */
const elementTimingSupported = () =>
  typeof PerformanceObserver !== 'undefined' &&
  (PerformanceObserver.supportedEntryTypes ?? []).includes('element');

interface ElementTiming extends PerformanceEntry {
  identifier: string;
}

/**
 * Calls `then` once `mark` has been painted, or where the browser cannot say, after the next frame.
 * Returns what cancels it.
 */
export function whenPainted(mark: PaintMark, then: () => void): () => void {
  if (!elementTimingSupported()) {
    // The frame runs its animation callbacks before it paints; the task queued there runs after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(then, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((entry) => (entry as ElementTiming).identifier === mark)) return;
    observer.disconnect();
    then();
  });
  // Buffered: the paint may have been reported before this effect ran.
  observer.observe({ type: 'element', buffered: true });
  return () => observer.disconnect();
}
