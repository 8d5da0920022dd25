import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../freePort.ts';
import { cacheRoot, type VersionProbe } from '../keycloak/distribution.ts';
import { withLock } from '../keycloak/lock.ts';
import { goCommand, goPrerequisites, runTool, startProcess } from './goApi.ts';
import type { ResourceServer } from './resourceServer.ts';

export const OAUTH2_PROXY_VERSION = 'v7.15.6';
const MODULE = 'github.com/oauth2-proxy/oauth2-proxy/v7';
/** oauth2-proxy v7.15.6's go.mod says `go 1.26.0`. */
const MIN_GO: readonly [number, number] = [1, 26];

/**
 * How the gateway treats a request without a session cookie:
 * - 'redirect': 302 to the realm's authorization endpoint (--skip-provider-button);
 * - 'sign-in-page': its own "Sign In" page, served in place of the API's answer;
 * - 'bearer': as 'sign-in-page', but a valid access token of the realm (Authorization: Bearer)
 *   passes through to the upstream (--skip-jwt-bearer-tokens).
 */
export type Oauth2ProxyMode = 'redirect' | 'sign-in-page' | 'bearer';

export interface Oauth2ProxyOptions {
  /** The realm's issuer: oauth2-proxy reads its discovery document at start. */
  issuer: string;
  /** The API behind the gateway, e.g. http://127.0.0.1:8081/ */
  upstream: string;
  mode: Oauth2ProxyMode;
  /** The client oauth2-proxy signs in as (its redirect URI: http://127.0.0.1:<port>/oauth2/callback). */
  clientId: string;
  /** Required by oauth2-proxy; a random one when absent (enough for everything up to the callback). */
  clientSecret?: string;
  /**
   * Origins oauth2-proxy may send the browser back to after sign-in (--whitelist-domain). It has
   * no CORS setting at all: these do NOT make its answers readable by a page of that origin.
   */
  allowedOrigins?: string[];
  /** The `aud` accepted on bearer tokens besides the client id (default abrumet-api). */
  audience?: string;
  /**
   * --skip-auth-preflight: let OPTIONS through to the upstream without a session. Off by default,
   * as in oauth2-proxy: then a browser's CORS preflight (any request with Authorization) gets the
   * 302 or the sign-in page, without CORS headers, and the page's fetch fails before it is sent.
   */
  skipAuthPreflight?: boolean;
  /** 0 or absent: a free one. Always 127.0.0.1. */
  port?: number;
}

function binaryPath(env: NodeJS.ProcessEnv): string {
  return join(cacheRoot(env), `oauth2-proxy-${OAUTH2_PROXY_VERSION}`, 'oauth2-proxy');
}

/** What is missing to run oauth2-proxy here, as one line a person can act on; undefined when nothing is. */
export function oauth2ProxyPrerequisites(
  env: NodeJS.ProcessEnv = process.env,
  probe?: VersionProbe,
): string | undefined {
  if (existsSync(binaryPath(env))) return undefined;
  const missing = goPrerequisites(env, probe, MIN_GO);
  return missing === undefined
    ? undefined
    : `oauth2-proxy ${OAUTH2_PROXY_VERSION} is built with Go: ${missing}`;
}

/**
 * The oauth2-proxy binary: `go install …@v7.15.6` once into the cache (GOBIN outside the repo),
 * through the Go module proxy; GOMODCACHE, GOCACHE and GOPROXY of the environment are respected.
 * A cold build takes a couple of minutes on two cores.
 */
export async function oauth2ProxyBinary(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): Promise<string> {
  const binary = binaryPath(env);
  if (existsSync(binary)) return binary;
  const missing = oauth2ProxyPrerequisites(env);
  if (missing !== undefined) throw new Error(missing);
  const root = cacheRoot(env);
  mkdirSync(root, { recursive: true });
  await withLock(
    join(root, 'oauth2-proxy.lock'),
    async () => {
      if (existsSync(binary)) return;
      log(`Building oauth2-proxy ${OAUTH2_PROXY_VERSION} with go install into ${root} (once, minutes)…`);
      const work = `${join(root, `oauth2-proxy-${OAUTH2_PROXY_VERSION}`)}.tmp-${process.pid}`;
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work);
      try {
        await runTool(
          goCommand(env),
          [
            'install',
            '-trimpath',
            // What the release's Makefile stamps, so --version and the sign-in page's footer say it.
            `-ldflags=-X ${MODULE}/pkg/version.VERSION=${OAUTH2_PROXY_VERSION}`,
            `${MODULE}@${OAUTH2_PROXY_VERSION}`,
          ],
          // Outside any module, so no go.mod or go.work around the caller is taken into account.
          { cwd: work, env: { ...env, GOBIN: work, GOTOOLCHAIN: env.GOTOOLCHAIN ?? 'local' } },
        );
        if (!existsSync(join(work, 'oauth2-proxy')))
          throw new Error(`go install left no oauth2-proxy in ${work}`);
        const folder = join(root, `oauth2-proxy-${OAUTH2_PROXY_VERSION}`);
        // A folder without the binary (an interrupted manual install) would make the rename fail.
        rmSync(folder, { recursive: true, force: true });
        renameSync(work, folder);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    30 * 60_000,
  );
  return binary;
}

/** The command-line flags of one mode (exported for the report and the tests). */
export function oauth2ProxyArgs(options: Oauth2ProxyOptions, port: number): string[] {
  const { issuer, upstream, mode, clientId } = options;
  const url = `http://127.0.0.1:${port}`;
  const hosts = (options.allowedOrigins ?? []).map((origin) => new URL(origin).host);
  return [
    '--provider=oidc',
    `--oidc-issuer-url=${issuer}`,
    `--client-id=${clientId}`,
    `--client-secret=${options.clientSecret ?? randomBytes(16).toString('hex')}`,
    // The realm requires PKCE of every client (so does Keycloak for public ones).
    '--code-challenge-method=S256',
    `--redirect-url=${url}/oauth2/callback`,
    `--http-address=127.0.0.1:${port}`,
    `--upstream=${upstream}`,
    // 32 bytes for AES-256; a fresh one per start: sessions do not outlive the process.
    `--cookie-secret=${randomBytes(32).toString('base64url')}`,
    // Plain http on 127.0.0.1: a Secure cookie would never come back.
    '--cookie-secure=false',
    '--email-domain=*',
    '--insecure-oidc-allow-unverified-email',
    '--reverse-proxy=false',
    ...hosts.map((host) => `--whitelist-domain=${host}`),
    ...(options.skipAuthPreflight ? ['--skip-auth-preflight'] : []),
    ...(mode === 'redirect' ? ['--skip-provider-button'] : []),
    ...(mode === 'bearer'
      ? ['--skip-jwt-bearer-tokens', `--oidc-extra-audience=${options.audience ?? 'abrumet-api'}`]
      : []),
  ];
}

/** Starts oauth2-proxy in front of `upstream` and waits until it answers /ping. */
export async function createOauth2Proxy(
  options: Oauth2ProxyOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResourceServer> {
  const binary = await oauth2ProxyBinary(env);
  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const name = `oauth2-proxy ${OAUTH2_PROXY_VERSION} (${options.mode})`;
  const started = await startProcess(name, binary, oauth2ProxyArgs(options, port), async (line) =>
    line === undefined
      ? fetch(`${url}/ping`).then(
          (response) => response.ok,
          () => false,
        )
      : false,
  );
  return { name, url, close: started.close };
}
