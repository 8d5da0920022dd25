import { useEffect } from 'react';
import { AbandonedSignInPanel } from '../auth/AbandonedSignInPanel.tsx';
import type { AbandonedSignIn } from '../auth/abandonedSignIn.ts';
import type { EnvironmentConfig } from '../config/types.ts';
import { LoginErrorHelp } from '../realm/LoginErrorHelp.tsx';
import { useDiscovery } from '../shared/discovery/useDiscovery.ts';
import type { Explanation } from '../shared/explanation.ts';

/** What the realm's discovery already says against signing in (null: nothing known against it). */
export interface RealmCheck {
  problem: Explanation | null;
  /** The realm names another issuer: no "try anyway". */
  blocked: boolean;
}

interface SignedOutViewProps {
  environment: EnvironmentConfig;
  /** A sign-in of this tab that went to the realm and did not come back (useAbandonedSignIn). */
  abandoned: AbandonedSignIn | null;
  onDismissAbandoned: () => void;
  /** Tells the shell's sign-in panel what the realm check found. */
  onRealmCheck: (check: RealmCheck) => void;
}

/**
 * What the signed-out page knows beyond its button, loaded after the first paint: when the realm's
 * discovery already failed (wrong realm name, an SSO page instead of JSON, no answer), the sign-in
 * panel leads with that problem and its fix instead of a button that can only fail (and with no
 * button at all when the realm names another issuer: tokens of a realm the portal did not expect
 * are never asked for); a sign-in that never came back is explained above it. The panel itself is
 * the shell's, so its button stays the same element (a keyboard user's focus stays on it). The
 * discovery fetch is the one the Realm configuration panel shows (useDiscovery shares it).
 */
export function SignedOutView({
  environment,
  abandoned,
  onDismissAbandoned,
  onRealmCheck,
}: SignedOutViewProps) {
  const { view } = useDiscovery(environment);
  // A realm that names another issuer is not signed in to at all (PortalUserManager refuses too).
  const mismatch = view?.ok ? view.issuerMismatch : null;
  const problem = view && !view.ok ? view : mismatch;
  const blocked = mismatch !== null;
  useEffect(() => onRealmCheck({ problem, blocked }), [onRealmCheck, problem, blocked]);
  return abandoned ? (
    <AbandonedSignInPanel
      environment={environment}
      abandoned={abandoned}
      onDismiss={onDismissAbandoned}
      help={<LoginErrorHelp environment={environment} when={{ startedAt: abandoned.startedAt }} />}
    />
  ) : null;
}
