import type { EnvironmentConfig } from '../config/types.ts';
import { redirectUriOf } from '../config/urls.ts';

/** The popup sign-in of an extra identity comes back here: the environment's callback + `/identity`. */
export const identityRedirectUriOf = (environment: Pick<EnvironmentConfig, 'redirectUri'>, origin: string) =>
  `${redirectUriOf(environment, origin).replace(/\/+$/, '')}/identity`;

/** True in the popup window, when the realm sent the identity's sign-in response back to it. */
export function isIdentityPopupCallback(location: Location | URL): boolean {
  const params = new URLSearchParams(location.search);
  return (
    location.pathname.endsWith('/identity') &&
    params.has('state') &&
    (params.has('code') || params.has('error'))
  );
}
