import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../config/types.ts';
import { acceptance, local, production } from '../../test/environments.ts';
import { realmEndpoints } from '../realmEndpoints.ts';
import { androidSnippet, iosSnippet } from './mobile.ts';
import { nodeVerifier, springProperties, springRoles } from './resourceServer.ts';
import { serverSnippet } from './server.ts';
import type { GuideInput, Snippet } from './snippet.ts';
import { spaSnippet } from './spa.ts';

const input = (environment: EnvironmentConfig, clientId: string, redirectUri: string): GuideInput => ({
  environment,
  endpoints: realmEndpoints(null, environment.authority),
  clientId,
  redirectUri,
});

/** What TypeScript's parser finds wrong in a snippet (syntax only: the libraries are not installed). */
const syntaxErrors = (snippet: Snippet) =>
  (
    ts.transpileModule(snippet.code, {
      fileName: snippet.language === 'ts' ? 'snippet.ts' : 'snippet.mjs',
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).diagnostics ?? []
  ).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));

const environments = [acceptance, production, local];

describe('the JavaScript and TypeScript snippets', () => {
  it.each(environments)('parse for $label, whatever the client is called', (environment) => {
    const odd = input(environment, "it's-a-client", "https://app.example.org/cb?x='1'");
    for (const snippet of [spaSnippet(odd), serverSnippet(odd), nodeVerifier(odd)]) {
      expect(syntaxErrors(snippet), snippet.id).toEqual([]);
    }
  });
});

describe('spaSnippet', () => {
  it('configures oidc-client-ts for the realm, the client and its callback, tokens in sessionStorage', () => {
    const { code } = spaSnippet(input(acceptance, 'my-spa', 'https://app.example.org/auth/callback'));
    expect(code).toContain(`authority: '${acceptance.authority}'`);
    expect(code).toContain("client_id: 'my-spa'");
    expect(code).toContain("redirect_uri: 'https://app.example.org/auth/callback'");
    expect(code).toContain("post_logout_redirect_uri: 'https://app.example.org/'");
    expect(code).toContain("window.location.pathname === '/auth/callback'");
    expect(code).toContain('window.sessionStorage');
    expect(code).toContain("fetch('https://acc.api.example.org/api/v1/me'");
    expect(code).not.toContain('localStorage,');
  });
});

describe('serverSnippet', () => {
  it('reads the secret from the environment and sets a Secure session cookie over https', () => {
    const { code } = serverSnippet(input(acceptance, 'my-web', 'https://web.example.org/callback'));
    expect(code).toContain('process.env.CLIENT_SECRET');
    expect(code).toContain("code_challenge_method: 'S256'");
    expect(code).toContain('HttpOnly; SameSite=Lax; Secure');
    expect(code).not.toContain('allowInsecureRequests');
    expect(code).toContain('.listen(3000)');
  });

  it('allows http only for a realm and callback on this machine, and listens on the callback port', () => {
    const { code } = serverSnippet(input(local, 'my-web', 'http://127.0.0.1:3001/callback'));
    expect(code).toContain('execute: [client.allowInsecureRequests]');
    expect(code).not.toContain('Secure');
    expect(code).toContain('.listen(3001)');
  });
});

describe('nodeVerifier', () => {
  it("checks the realm's issuer, keys, audience, algorithm, token type and realm role", () => {
    const { code } = nodeVerifier(input(acceptance, 'x', ''));
    expect(code).toContain(`const ISSUER = '${acceptance.authority}'`);
    expect(code).toContain(`new URL('${acceptance.authority}/protocol/openid-connect/certs')`);
    expect(code).toContain("const AUDIENCE = 'abrumet-api'");
    expect(code).toContain('audience: AUDIENCE');
    expect(code).toContain("algorithms: ['RS256']");
    expect(code).toContain("claims.typ !== 'Bearer'");
    expect(code).toContain("const REQUIRED_ROLE = 'therapist'");
    expect(code).toContain('realm_access?.roles?.includes(REQUIRED_ROLE)');
  });

  it('says so, and checks no audience, when the environment names none', () => {
    const { code } = nodeVerifier(input(production, 'x', ''));
    expect(code).not.toContain('audience: AUDIENCE');
    expect(code).toContain('// AUDIENCE: none configured for Production');
  });
});

describe('Spring Boot', () => {
  it('sets issuer, keys and audience, and maps the realm roles', () => {
    const properties = springProperties(input(acceptance, 'x', '')).code;
    expect(properties).toContain(`issuer-uri: ${acceptance.authority}`);
    expect(properties).toContain('audiences: abrumet-api');
    expect(springRoles(input(acceptance, 'x', '')).code).toContain('hasRole("therapist")');
  });
});

describe('AppAuth', () => {
  it.each([androidSnippet, iosSnippet])(
    'signs in with the realm, the client and its redirect (%o)',
    (snippet) => {
      const { code } = snippet(input(acceptance, 'my-app', 'org.example.app:/oauth2redirect'));
      expect(code).toContain(`"${acceptance.authority}"`);
      expect(code).toContain('"my-app"');
      expect(code).toContain('"org.example.app:/oauth2redirect"');
    },
  );

  it("registers the app's private-use scheme with Android's AppAuth", () => {
    const { code } = androidSnippet(input(acceptance, 'my-app', 'org.example.app:/oauth2redirect'));
    expect(code).toContain('manifestPlaceholders["appAuthRedirectScheme"] = "org.example.app"');
  });
});
