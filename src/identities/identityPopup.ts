/**
 * True in the popup window, when the realm sent a pop-up sign-in's response back to it (config/urls
 * popupRedirectUriOf: an identity's, or the tab signing in again).
 */
export function isIdentityPopupCallback(location: Location | URL): boolean {
  const params = new URLSearchParams(location.search);
  return (
    location.pathname.endsWith('/identity') &&
    params.has('state') &&
    (params.has('code') || params.has('error'))
  );
}
