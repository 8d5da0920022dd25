/**
 * Shows a result that just arrived where the user looks: scrolled to the top of the window when
 * its start is off screen (below the fold or above it), and focused so a screen reader reads it
 * and Tab continues from it. Left where it is when already in view. Nothing for a hidden section.
 */
export function bringIntoView(element: HTMLElement | null): void {
  if (!element || element.getClientRects().length === 0) return;
  const { top } = element.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  // The lower third counts as off screen: the verdict would sit under the fold.
  if (top < 0 || top > height * 0.66) element.scrollIntoView?.({ block: 'start', behavior: 'auto' });
  element.focus({ preventScroll: true });
}
