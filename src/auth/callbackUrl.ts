import type { EnvironmentConfig } from '../config/types.ts';
import { redirectUriOf } from '../config/urls.ts';
import { sectionSuffix } from '../shared/sections.ts';

/**
 * What this environment's callback path carries: an OAuth response (`state` with `code` or
 * `error`, what react-oidc-context processes), a `state` alone (a cut or edited answer, which it
 * leaves alone), or nothing of the kind (not the callback, or no `state`).
 */
export function callbackShape(
  environment: EnvironmentConfig,
  location: Location | URL,
): 'response' | 'state-only' | 'none' {
  const callback = new URL(redirectUriOf(environment, location.origin));
  if (callback.origin !== location.origin || callback.pathname !== location.pathname) return 'none';
  const params = new URLSearchParams(location.search);
  if (!params.has('state')) return 'none';
  return params.has('code') || params.has('error') ? 'response' : 'state-only';
}

/** True when `location` is this environment's sign-in callback carrying an OAuth response. */
export function isCallbackFor(environment: EnvironmentConfig, location: Location | URL): boolean {
  return callbackShape(environment, location) === 'response';
}

/** The realm's own words on a failed sign-in callback (RFC 6749 §4.1.2.1). */
export interface CallbackError {
  error: string;
  description?: string;
}

/**
 * The `error` and `error_description` of a callback URL, read before the URL is cleaned: when
 * oidc-client-ts cannot match the state (another tab's sign-in, a replay) it reports only the
 * stale state, and the realm's reason would be lost.
 */
export function callbackErrorOf(location: Location | URL): CallbackError | undefined {
  const params = new URLSearchParams(location.search);
  const error = params.get('error');
  if (!error) return undefined;
  const description = params.get('error_description');
  return description ? { error, description } : { error };
}

/**
 * The one cleaning of a callback's address, after success or failure: `code`, `state` and `error`
 * leave the address bar and history (a reload would replay them); the section stays.
 */
export function cleanCallbackAddress(): void {
  window.history.replaceState(null, '', `/${sectionSuffix(window.location.hash)}`);
}
