import type { EnvironmentConfig } from '../config/types.ts';
import { redirectUriOf } from './redirectUriOf.ts';

/** True when `location` is this environment's sign-in callback carrying an OAuth response. */
export function isCallbackFor(environment: EnvironmentConfig, location: Location | URL): boolean {
  const callback = new URL(redirectUriOf(environment, location.origin));
  if (callback.origin !== location.origin || callback.pathname !== location.pathname) return false;
  const params = new URLSearchParams(location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}
