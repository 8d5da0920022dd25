import { keycloakPrerequisites } from '../../devstack/keycloak/distribution.ts';
import { goPrerequisites } from '../../devstack/resourceServers/goApi.ts';
import { oauth2ProxyPrerequisites } from '../../devstack/resourceServers/oauth2Proxy.ts';
import { springPrerequisites } from '../../devstack/resourceServers/springApi.ts';
import { findNginx } from './nginx.ts';

export const SKIPPED_KEY = 'ABRUMET_SKIPPED_SUITES';

/**
 * Test suites that need something outside npm: the "browser-keycloak" project (Java 17+ and Maven)
 * and tests/deploy.test.ts (Debian's nginx). Where it is missing, the suite is left out and the
 * summary's last lines say which and why; with ABRUMET_REQUIRE_<NAME>=1 (CI: .ci/run) the run
 * fails instead.
 */
function optional(
  name: string,
  requireVariable: string,
  missing: string | undefined,
  env: NodeJS.ProcessEnv,
) {
  if (missing === undefined) return true;
  if (env[requireVariable] === '1') {
    throw new Error(`The ${name} are required here (${requireVariable}=1) but cannot run: ${missing}`);
  }
  const line = `${name} skipped: ${missing}`;
  // The configuration may be read more than once per run: one line per suite.
  const lines = new Set(env[SKIPPED_KEY]?.split('\n') ?? []).add(line);
  env[SKIPPED_KEY] = [...lines].join('\n');
  return false;
}

/** What the real resource servers need (tests/resourceServers.test.ts): one line, or undefined. */
export function resourceServerPrerequisites(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = [
    springPrerequisites(env),
    goPrerequisites(env),
    oauth2ProxyPrerequisites(env),
    findNginx(env) ? undefined : 'no nginx (Debian: `apt-get install nginx`, or set NGINX_PATH).',
  ].filter((line) => line !== undefined);
  return missing.length > 0 ? [...new Set(missing)].join(' ') : undefined;
}

export function optionalSuites(env: NodeJS.ProcessEnv = process.env) {
  return {
    resourceServers: optional(
      'resource-server cases (Spring, Go, oauth2-proxy, nginx)',
      'ABRUMET_REQUIRE_RESOURCE_SERVERS',
      resourceServerPrerequisites(env),
      env,
    ),
    keycloak: optional('Keycloak project', 'ABRUMET_REQUIRE_KEYCLOAK', keycloakPrerequisites(env), env),
    nginx: optional(
      'nginx deployment tests',
      'ABRUMET_REQUIRE_NGINX',
      findNginx(env) ? undefined : 'no nginx (Debian: `apt-get install nginx`, or set NGINX_PATH).',
      env,
    ),
  };
}
