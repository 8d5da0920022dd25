import { isIdentityPopupCallback } from '../identities/identityPopup.ts';

export { isIdentityPopupCallback };

/** Loaded only in the popup window, so the relay adds nothing to the portal's first load. */
export async function finishIdentityPopup(url: string): Promise<void> {
  const { finishIdentityPopup: finish } = await import('../identities/finishIdentityPopup.ts');
  await finish(url);
}
