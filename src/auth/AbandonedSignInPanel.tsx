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

/** A sign-in that went to the realm and never came back: when it started and what usually causes it. */
export function AbandonedSignInPanel({
  environment,
  abandoned,
  onDismiss,
  help,
  origin = window.location.origin,
}: AbandonedSignInPanelProps) {
  const auth = useAuth();
  const explained = explainAbandonedSignIn(environment, abandoned, redirectUriOf(environment, origin));
  return (
    <>
      <Callout explanation={explained} heading="h2" role="alert">
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void auth.signinRedirect()}>
            Sign in again
          </button>
          <button type="button" className="button button--quiet" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      </Callout>
      {help}
    </>
  );
}

/**
 * What a sign-in that never came back most likely ran into. When the realm refuses a sign-in
 * before it can trust the portal (an unknown client, a callback it does not know), it stops on its
 * own error page: it cannot send the error back.
 */
export function explainAbandonedSignIn(
  environment: { label: string; clientId: string },
  abandoned: AbandonedSignIn,
  callback: string,
): Failure<'abandoned-sign-in'> {
  const { clientId } = environment;
  return {
    kind: 'abandoned-sign-in',
    tone: 'warn',
    title: 'Your sign-in did not come back',
    detail: `A sign-in to ${environment.label} started at ${localDateTime(abandoned.startedAt.getTime())} but the realm never sent you back to this portal. When the realm refuses a sign-in before it can trust the portal, it stops on its own error page. The likely causes:`,
    reasons: [
      `The callback is not registered: ${callback} is not in the Valid redirect URIs of the client ${clientId} (the realm's page says “Invalid parameter: redirect_uri”).`,
      `The client is unknown: the realm has no client ${clientId} (clientId in config.json; the realm's page says “Client not found”).`,
      'Another error page at the realm (“We are sorry…”, a cookie or timeout message), or you came back with Back before signing in.',
    ],
    next: "Sign in again and read what the realm's page says; the table below maps its message to the cause. The realm admin finds the exact reason in the realm's login events from that time.",
  };
}
