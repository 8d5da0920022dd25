import type { ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';
import type { AbandonedSignIn } from './abandonedSignIn.ts';
import { redirectUriOf } from './redirectUriOf.ts';

interface AbandonedSignInPanelProps {
  environment: EnvironmentConfig;
  abandoned: AbandonedSignIn;
  onDismiss: () => void;
  /** The realm's login events help, for the admin (the shell's LoginErrorHelp). */
  help?: ReactNode;
  origin?: string;
}

/**
 * A sign-in that went to the realm and never came back: the realm stopped on its own page (it
 * cannot send an error back to a callback or client it does not trust), or the user came back
 * with Back. Says when it started and what usually causes it.
 */
export function AbandonedSignInPanel({
  environment,
  abandoned,
  onDismiss,
  help,
  origin = window.location.origin,
}: AbandonedSignInPanelProps) {
  const auth = useAuth();
  const callback = redirectUriOf(environment, origin);
  return (
    <>
      <section className="card card--warn" role="alert" aria-labelledby="abandoned-title">
        <h2 id="abandoned-title">Your sign-in did not come back</h2>
        <p>
          A sign-in to {environment.label} started at{' '}
          <time dateTime={abandoned.startedAt.toISOString()}>{abandoned.startedAt.toLocaleString()}</time> but
          the realm never sent you back to this portal. When the realm refuses a sign-in before it can trust
          the portal, it stops on its own error page. The likely causes:
        </p>
        <ul>
          <li>
            <strong>The callback is not registered:</strong> <code>{callback}</code> is not in the Valid
            redirect URIs of the client <code>{environment.clientId}</code> (the realm's page says “Invalid
            parameter: redirect_uri”).
          </li>
          <li>
            <strong>The client is unknown:</strong> the realm has no client{' '}
            <code>{environment.clientId}</code> (clientId in config.json; the realm's page says “Client not
            found”).
          </li>
          <li>
            <strong>Another error page at the realm</strong> (“We are sorry…”, a cookie or timeout message),
            or you came back with Back before signing in.
          </li>
        </ul>
        <p>
          <strong>Next step:</strong> sign in again and read what the realm's page says; the table below maps
          its message to the cause. The realm admin finds the exact reason in the realm's login events from
          that time.
        </p>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void auth.signinRedirect()}>
            Sign in again
          </button>
          <button type="button" className="button button--quiet" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      </section>
      {help}
    </>
  );
}
