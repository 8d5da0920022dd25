import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';
import { describeAuthError } from './describeAuthError.ts';

interface AuthErrorPanelProps {
  error: unknown;
  environment: EnvironmentConfig;
}

export function AuthErrorPanel({ error }: AuthErrorPanelProps) {
  const auth = useAuth();
  const explained = describeAuthError(error);
  return (
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
  );
}
