import { keycloakPrerequisites } from '../../devstack/keycloak/distribution.ts';

export const SKIPPED_KEY = 'ABRUMET_KEYCLOAK_SKIPPED';

/**
 * Whether `npm test` runs the "browser-keycloak" project. Without Java 17+ or Maven it is skipped
 * with one line saying why, unless ABRUMET_REQUIRE_KEYCLOAK=1 (CI: .ci/run), which makes it fail.
 */
export function keycloakProject(env: NodeJS.ProcessEnv = process.env): { enabled: boolean; reason: string } {
  const missing = keycloakPrerequisites(env);
  if (missing === undefined) return { enabled: true, reason: '' };
  if (env.ABRUMET_REQUIRE_KEYCLOAK === '1') {
    throw new Error(
      `The Keycloak tests are required here (ABRUMET_REQUIRE_KEYCLOAK=1) but cannot run: ${missing}`,
    );
  }
  // The summary reporter prints it next to the final count, where it is seen.
  env[SKIPPED_KEY] = `Keycloak project skipped: ${missing}`;
  return { enabled: false, reason: missing };
}
