import type { User } from 'oidc-client-ts';
import { useState } from 'react';
import type { Failure } from '../shared/explanation.ts';
import type { PortalUserManager } from './PortalUserManager.ts';

/** Its explanations (describeAuthError's among them) load when a try fails, not with the page. */
const explain = (cause: unknown): Promise<Failure> =>
  import('./signInAgainProblem.ts').then(
    ({ signInAgainProblem }) => signInAgainProblem(cause),
    () => ({
      kind: 'not-loaded',
      tone: 'bad',
      title: 'Signing in again did not work, and the page could not load why',
      next: 'Check the network, then click “Sign in again” once more.',
    }),
  );

export interface SignInAgain {
  start: () => void;
  pending: boolean;
  /** Why the last try did not sign the tab in again; null while none failed. */
  problem: Failure | null;
}

/**
 * "Sign in again" for a session that ended, in a pop-up (PortalUserManager.signinPopupAs): the page
 * keeps what it holds in memory. Called on the manager itself, not through react-oidc-context, whose
 * wrapper would put a closed pop-up in `auth.error` in place of the refresh failure that ended the
 * session; the new user reaches the page through the manager's userLoaded event.
 */
export function useSignInAgain(manager: PortalUserManager, user: User | null | undefined): SignInAgain {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Failure | null>(null);
  const start = () => {
    setPending(true);
    setProblem(null);
    manager
      .signinPopupAs(user ?? null)
      .catch(async (cause: unknown) => setProblem(await explain(cause)))
      .finally(() => setPending(false));
  };
  return { start, pending, problem };
}
