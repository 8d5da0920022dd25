import { AbandonedSignInPanel } from '../auth/AbandonedSignInPanel.tsx';
import type { AbandonedSignIn } from '../auth/abandonedSignIn.ts';
import { SignInPanel } from '../auth/SignInPanel.tsx';
import type { EnvironmentConfig } from '../config/types.ts';
import { LoginErrorHelp } from '../realm/LoginErrorHelp.tsx';
import { useDiscovery } from '../shared/discovery/useDiscovery.ts';

interface SignedOutViewProps {
  environment: EnvironmentConfig;
  /** A sign-in of this tab that went to the realm and did not come back (useAbandonedSignIn). */
  abandoned: AbandonedSignIn | null;
  onDismissAbandoned: () => void;
}

/**
 * The sign-in panel that knows the realm: when the realm's discovery already failed (wrong realm
 * name, an SSO page instead of JSON, no answer), it leads with that problem and its fix instead of
 * a button that can only fail (and with no button at all when the realm names another issuer:
 * tokens of a realm the portal did not expect are never asked for); a sign-in that never came back
 * is explained above it. Loaded after
 * the first paint, with the plain panel as fallback; the discovery fetch is the one the Realm
 * configuration panel shows (useDiscovery shares it).
 */
export function SignedOutView({ environment, abandoned, onDismissAbandoned }: SignedOutViewProps) {
  const { view } = useDiscovery(environment);
  // A realm that names another issuer is not signed in to at all (PortalUserManager refuses too).
  const mismatch = view?.ok ? view.issuerMismatch : null;
  const realmProblem = view && !view.ok ? view : mismatch;
  return (
    <>
      {abandoned && (
        <AbandonedSignInPanel
          environment={environment}
          abandoned={abandoned}
          onDismiss={onDismissAbandoned}
          help={<LoginErrorHelp environment={environment} when={{ startedAt: abandoned.startedAt }} />}
        />
      )}
      <SignInPanel environment={environment} realmProblem={realmProblem} blocked={mismatch !== null} />
    </>
  );
}
