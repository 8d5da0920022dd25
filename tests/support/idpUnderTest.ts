/**
 * The browser tests run twice: against the embedded IdP (vitest project "browser") and against a
 * real Keycloak (project "browser-keycloak", which sets ABRUMET_TEST_IDP and starts the server in
 * its globalSetup, tests/support/keycloakServer.ts).
 */
export type IdpKind = 'embedded' | 'keycloak';

const IDP_KEY = 'ABRUMET_TEST_IDP';
export const KEYCLOAK_KEY = 'ABRUMET_TEST_KEYCLOAK';

export function testIdp(): IdpKind {
  return process.env[IDP_KEY] === 'keycloak' ? 'keycloak' : 'embedded';
}

export interface RunningKeycloak {
  /** e.g. http://127.0.0.1:41234/auth */
  url: string;
  adminConsoleUrl: string;
  adminCredentials: { username: string; password: string };
}

/** The Keycloak this run's globalSetup started (workers inherit its address through the env). */
export function runningKeycloak(): RunningKeycloak {
  const value = process.env[KEYCLOAK_KEY];
  if (!value)
    throw new Error(`${KEYCLOAK_KEY} is not set: Keycloak tests run through the "browser-keycloak" project.`);
  return JSON.parse(value) as RunningKeycloak;
}
