import { useEffect } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { cleanCallbackAddress, isCallbackFor } from './callbackUrl.ts';

/**
 * A failed callback leaves `error`, `state` (and maybe `code`) in the address bar; a reload would
 * replay it. Once the failure is in state, replace the URL so history holds nothing of it.
 * (Success is cleaned by AuthProvider's onSigninCallback.)
 */
export function useCallbackCleanup(environment: EnvironmentConfig, error: unknown): void {
  useEffect(() => {
    if (error && isCallbackFor(environment, window.location)) cleanCallbackAddress();
  }, [environment, error]);
}
