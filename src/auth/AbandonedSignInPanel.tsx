import type { ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';
import { redirectUriOf } from '../config/urls.ts';
import type { Failure } from '../shared/explanation.ts';
import { localDateTime } from '../shared/format.ts';
import { Callout } from '../ui/Callout.tsx';
import type { AbandonedSignIn } from './abandonedSignIn.ts';

interface AbandonedSignInPanelProps {
  environment: EnvironmentConfig;
  abandoned: AbandonedSignIn;
  onDismiss: () => void;
  /** The realm's login events help, for the admin (the shell's LoginErrorHelp). */
  help?: ReactNode;
  origin?: string;
}

/**
 * A sign-in that went to the realm and never came back: when it started, the likely cause (the user
 * came back before finishing) and its one step first, then what a misconfigured realm would show.
 */
export function AbandonedSignInPanel({
  environment,
  abandoned,
  onDismiss,
  help,
  origin = window.location.origin,
}: AbandonedSignInPanelProps) {
  const auth = useAuth();
  const refusals = realmRefusals(environment, redirectUriOf(environment, origin));
  return (
    <>
      <Callout explanation={explainAbandonedSignIn(environment, abandoned)} heading="h2" role="alert">
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void auth.signinRedirect()}>
            Sign in again
          </button>
          <button type="button" className="button button--quiet" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
        <details className="au-refused">
          <summary>The realm showed an error page instead of its login form?</summary>
          <p>Then it refused the portal before it could send you back, and its message names why:</p>
          <ul className="callout__reasons">
            {refusals.map((refusal) => (
              <li key={refusal}>{refusal}</li>
            ))}
          </ul>
          <p>
            The table below maps the realm's message to the cause; the realm admin finds the exact reason in
            the realm's login events from that time.
          </p>
        </details>
      </Callout>
      {help}
    </>
  );
}

/**
 * What a sign-in that never came back most likely ran into: most often the user came back before
 * finishing it (Back from the login page), so that leads, with its one step: sign in again.
 */
export function explainAbandonedSignIn(
  environment: { label: string },
  abandoned: AbandonedSignIn,
): Failure<'abandoned-sign-in'> {
  return {
    kind: 'abandoned-sign-in',
    tone: 'warn',
    title: 'Your sign-in did not finish',
    detail: `A sign-in to ${environment.label} started at ${localDateTime(abandoned.startedAt.getTime())} and did not come back to this portal. Most likely you came back here (with Back, or by opening the portal again) before finishing the sign-in at the realm.`,
    next: 'Sign in again.',
  };
}

/**
 * Second, what a realm cannot report back: when it refuses a sign-in before it can trust the portal
 * (an unknown client, a callback it does not know), it stops on its own error page.
 */
export function realmRefusals(environment: { clientId: string }, callback: string): string[] {
  const { clientId } = environment;
  return [
    `The callback is not registered: ${callback} is not in the Valid redirect URIs of the client ${clientId} (the realm's page says “Invalid parameter: redirect_uri”).`,
    `The client is unknown: the realm has no client ${clientId} (clientId in config.json; the realm's page says “Client not found”).`,
    'Another error page at the realm (“We are sorry…”, a cookie or timeout message).',
  ];
}
