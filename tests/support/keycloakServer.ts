import { createKeycloak } from '../../devstack/keycloak/keycloak.ts';
import { KEYCLOAK_KEY, type RunningKeycloak } from './idpUnderTest.ts';

/**
 * Vitest globalSetup of the "browser-keycloak" project: one real Keycloak for the run, with the
 * `abrumet` realm imported from devstack/keycloak/. Each test stack registers its own portal
 * address with the realm's client (tests/support/stack.ts). Stopped when the run ends.
 */
export default async function keycloakServer(): Promise<() => Promise<void>> {
  // A Keycloak someone already runs for repeated runs (its realm must come from createKeycloak).
  if (process.env[KEYCLOAK_KEY]) return async () => {};
  const started = Date.now();
  const keycloak = await createKeycloak({
    portalOrigins: [],
    redirectUris: [],
    postLogoutRedirectUris: [],
    log: (line) => process.stdout.write(`[keycloak] ${line}\n`),
  });
  process.stdout.write(
    `[keycloak] ready at ${keycloak.url} after ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  const running: RunningKeycloak = {
    url: keycloak.url,
    adminConsoleUrl: keycloak.adminConsoleUrl,
    adminCredentials: keycloak.adminCredentials,
  };
  // Workers are started after this and inherit the environment.
  process.env[KEYCLOAK_KEY] = JSON.stringify(running);
  return keycloak.close;
}
