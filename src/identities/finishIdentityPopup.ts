import { UserManager } from 'oidc-client-ts';

/**
 * In the popup: hand the realm's response to the window that opened it (oidc-client-ts posts it to
 * the opener, same origin only), which exchanges the code with its own PKCE state held in memory.
 * The popup itself keeps nothing, and the opener closes it.
 */
export async function finishIdentityPopup(url: string): Promise<void> {
  // The opener holds the settings and the state: only the notification runs here.
  const relay = new UserManager({
    authority: window.location.origin,
    client_id: 'identity-popup',
    redirect_uri: url,
  });
  await relay.signinPopupCallback(url);
  // The code must not linger in this window's address bar or history.
  window.history.replaceState(null, '', window.location.pathname);
}
