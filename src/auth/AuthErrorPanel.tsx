import type { ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import { Callout } from '../ui/Callout.tsx';
import type { CallbackError } from './callbackUrl.ts';
import { type AuthErrorExplanation, describeAuthError } from './describeAuthError.ts';

interface AuthErrorPanelProps {
  error: unknown;
  /** The realm's error as the callback URL carried it (kept when the state is stale). */
  callbackError?: CallbackError | undefined;
  /** Where to look next when the realm's Login events hold the cause (the shell's login-error help). */
  renderHelp?: (explained: AuthErrorExplanation) => ReactNode;
}

/** A failed sign-in, refresh or sign-out, explained, with the way out when there is one. */
export function AuthErrorPanel({ error, callbackError, renderHelp }: AuthErrorPanelProps) {
  const auth = useAuth();
  const explained = describeAuthError(error, callbackError);
  return (
    <>
      <Callout explanation={explained} heading="h2" role="alert">
        {explained.signInAgain && (
          <button type="button" className="button" onClick={() => void auth.signinRedirect()}>
            Sign in again
          </button>
        )}
      </Callout>
      {explained.askAdmin && renderHelp?.(explained)}
    </>
  );
}
