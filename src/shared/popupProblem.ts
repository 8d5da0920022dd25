/**
 * Why a sign-in in a pop-up brought no answer, from oidc-client-ts's words: the browser blocked the
 * window, or the user closed it first (with `popupAbortOnClose`, "Popup closed by user"); null for
 * anything else (the realm's or the code exchange's own error).
 */
export function popupProblemOf(cause: unknown): 'popup-blocked' | 'popup-closed' | null {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/popup.*(blocked|failed to open)|window.*(blocked|null)/i.test(message)) return 'popup-blocked';
  if (/popup closed|closed by user/i.test(message)) return 'popup-closed';
  return null;
}
