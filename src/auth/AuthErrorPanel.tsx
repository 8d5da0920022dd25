import type { ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';
import type { CallbackError } from './callbackErrorOf.ts';
import { type AuthErrorExplanation, describeAuthError } from './describeAuthError.ts';

interface AuthErrorPanelProps {
  error: unknown;
  environment: EnvironmentConfig;
  /** The realm's error as the callback URL carried it (kept when the state is stale). */
  callbackError?: CallbackError | undefined;
  /** Where to look next when the realm's Login events hold the cause (the shell's login-error help). */
  renderHelp?: (explained: AuthErrorExplanation) => ReactNode;
}

export function AuthErrorPanel({ error, callbackError, renderHelp }: AuthErrorPanelProps) {
  const auth = useAuth();
  const explained = describeAuthError(error, callbackError);
  return (
    <>
      <section className="card card--error" role="alert" aria-labelledby="auth-error-title">
        <h2 id="auth-error-title">{explained.title}</h2>
        {explained.code && (
          <p>
            <code>{explained.code}</code>
            {explained.description && <>: {explained.description}</>}
          </p>
        )}
        <p>{explained.explanation}</p>
        <p>
          <strong>Next step:</strong> {explained.next}
        </p>
        {explained.signInAgain && (
          <button type="button" className="button" onClick={() => void auth.signinRedirect()}>
            Sign in again
          </button>
        )}
      </section>
      {explained.askAdmin && renderHelp?.(explained)}
    </>
  );
}
