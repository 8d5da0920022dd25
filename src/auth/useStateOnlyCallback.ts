import { useEffect, useRef, useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { callbackShape, cleanCallbackAddress } from './callbackUrl.ts';

interface CallbackProcessor {
  signinCallback(url?: string): Promise<unknown>;
}

/**
 * A callback with a `state` but neither `code` nor `error` (an answer cut short, or a link edited
 * by hand): react-oidc-context does not treat it as an answer, so it would sit in the address bar
 * with its pending sign-in kept. It is handed to oidc-client-ts all the same, which consumes the
 * pending state and says "Expected code in response", then the address is cleaned. Returns that
 * error, for the shell to explain like any other sign-in failure.
 */
export function useStateOnlyCallback(manager: CallbackProcessor, environment: EnvironmentConfig): unknown {
  const [error, setError] = useState<unknown>(null);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || callbackShape(environment, window.location) !== 'state-only') return;
    done.current = true;
    manager.signinCallback(window.location.href).then(cleanCallbackAddress, (cause: unknown) => {
      cleanCallbackAddress();
      setError(cause);
    });
  }, [manager, environment]);
  return error;
}
