import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';
import type { Explanation } from '../shared/explanation.ts';
import { sectionHref } from '../shared/sections.ts';
import { Callout } from '../ui/Callout.tsx';
import { paintMark } from '../ui/paintMark.ts';
import './auth.css';

interface SignInPanelProps {
  environment: EnvironmentConfig;
  /** Set when the realm's discovery already failed: the panel leads with the fix, not the button. */
  realmProblem?: Explanation | null | undefined;
  /** The realm problem rules signing in out (another issuer): no "try anyway". */
  blocked?: boolean;
  /** The section the address asked for, which needs a session: it opens once signed in. */
  then?: string | undefined;
}

export function SignInPanel({ environment, realmProblem, blocked = false, then }: SignInPanelProps) {
  const auth = useAuth();
  const busy = auth.activeNavigator === 'signinRedirect';
  const signIn = () => void auth.signinRedirect();
  if (realmProblem) {
    return (
      <section className="card au-hero" aria-labelledby="sign-in-title" role="alert">
        <h1 id="sign-in-title">
          {blocked
            ? `Signing in to ${environment.label} is stopped`
            : `Signing in to ${environment.label} cannot work yet`}
        </h1>
        <Callout explanation={realmProblem} heading="h2" nextLabel="Fix first:" />
        <p className="muted small">
          Realm: <code>{environment.authority}</code> (authority in config.json). Its discovery document and
          keys: <a href={sectionHref('realm')}>Realm</a>.
        </p>
        {!blocked && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={signIn}>
            {busy ? 'Redirecting…' : 'Try to sign in anyway'}
          </button>
        )}
      </section>
    );
  }
  return (
    <section className="card au-hero" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Get a bearer token for the Abrumet API</h1>
      <p>
        Sign in to the <strong>{environment.label}</strong> realm to see your access token, what is inside it,
        how long it lives, and to call the API with it.
      </p>
      {then && (
        <p className="small" role="status">
          “{then}” needs you signed in: it opens once you are.
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={signIn}
        {...paintMark('sign-in')}
      >
        {busy ? 'Redirecting…' : 'Sign in'}
      </button>
      <p className="muted small">
        Realm: <code>{environment.authority}</code>
      </p>
    </section>
  );
}
