import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';

interface SignInPanelProps {
  environment: EnvironmentConfig;
}

export function SignInPanel({ environment }: SignInPanelProps) {
  const auth = useAuth();
  const busy = auth.activeNavigator === 'signinRedirect';
  return (
    <section className="card hero" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Get a bearer token for the Abrumet API</h1>
      <p>
        Sign in to the <strong>{environment.label}</strong> realm to see your access token, what is inside it,
        how long it lives, and to call the API with it.
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => void auth.signinRedirect()}
      >
        {busy ? 'Redirecting…' : 'Sign in'}
      </button>
      <p className="muted small">
        Realm: <code>{environment.authority}</code>
      </p>
    </section>
  );
}
