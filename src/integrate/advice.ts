import type { ClientKind } from '../shared/clientRequest/clientKinds.ts';

/** The flow a kind of client should use, and why, in a developer's words. */
export interface FlowAdvice {
  /** The flow's name, as the specs and Keycloak call it. */
  flow: string;
  /** Public (no secret) or confidential (a secret or a private key). */
  clientType: 'public' | 'confidential';
  /** One line: what happens. */
  summary: string;
  /** Why this flow for this kind, one reason each. */
  why: readonly string[];
}

const ADVICE: Record<ClientKind, FlowAdvice> = {
  spa: {
    flow: 'Authorization code + PKCE (S256)',
    clientType: 'public',
    summary:
      "The app sends the user to the realm's login page; the realm sends back a one-time code, which the app exchanges for tokens together with the PKCE verifier only it knows.",
    why: [
      'A public client: everything a browser runs can be read, so it has no secret to keep.',
      'PKCE (RFC 7636) binds the code to the browser that asked for it: a code caught on the way is useless.',
      'Tokens come from the token endpoint in a response body, never in the address bar or in history.',
      'oidc-client-ts does all of it (state, PKCE, code exchange, renewal with the refresh token).',
    ],
  },
  server: {
    flow: 'Authorization code with a confidential client (client secret or private key JWT), + PKCE',
    clientType: 'confidential',
    summary:
      'The server redirects the user to the realm, receives the code on its callback and exchanges it for tokens, authenticating with its own secret or a signed JWT (private key JWT).',
    why: [
      'The server can keep a secret: only it can turn a code into tokens.',
      'Tokens stay on the server; the browser holds only a session cookie (HttpOnly, Secure, SameSite).',
      'Private key JWT (Keycloak: Signed JWT) avoids a shared secret altogether: the realm only holds your public key.',
      'PKCE as well: RFC 9700 (OAuth 2.0 security best current practice) advises it for confidential clients too.',
    ],
  },
  mobile: {
    flow: 'Authorization code + PKCE (S256) in the system browser (AppAuth)',
    clientType: 'public',
    summary:
      "The app opens the realm's login page in the system browser (Custom Tabs on Android, ASWebAuthenticationSession on iOS) and receives the code on its own redirect: a claimed https link (App Links, Universal Links) or a private-use scheme in reverse domain name form.",
    why: [
      'A public client: an app can be unpacked, so a secret in it is no secret.',
      'Never an embedded web view: the app could read the password typed into it, there is no single sign-on with the browser, and the user cannot see whose page it is (RFC 8252 §8.12).',
      'A claimed https redirect is the strongest (no other app can claim it); a private-use scheme (e.g. org.abrumet.app:/oauth2redirect) relies on PKCE, which AppAuth always uses.',
      'AppAuth (Android, iOS) does it all: discovery, the system browser, state, PKCE and the code exchange.',
    ],
  },
  service: {
    flow: 'Client credentials',
    clientType: 'confidential',
    summary:
      'The service asks the token endpoint for a token with its own credentials (client secret or private key JWT): no user, no browser, no refresh token; it asks again when the token expires.',
    why: [
      'There is no user to sign in: the service acts as itself.',
      "The token speaks for the client's service account, so the API's rule applies to it: the service account needs the realm role the API requires (therapist), or the API answers 403.",
      'Keep the secret in the service’s secret store (never in code or a repository); a private key JWT avoids a shared secret.',
    ],
  },
  device: {
    flow: 'Device authorization grant (RFC 8628)',
    clientType: 'public',
    summary:
      'The tool asks for a device code and shows the user a URL and a short code; the user approves in any browser, on any device, while the tool polls the token endpoint until the tokens come.',
    why: [
      'The tool has no browser of its own (or runs over SSH, in a terminal, on a device without a keyboard).',
      "The user still signs in on the realm's own page, with everything it offers (MFA, SSO); the tool never sees the password.",
      'A public client: a tool installed on users’ machines cannot keep a secret.',
      'Poll no faster than the `interval` the realm gives; on `slow_down`, wait 5 s longer (RFC 8628 §3.5).',
    ],
  },
};

export function adviceFor(kind: ClientKind): FlowAdvice {
  return ADVICE[kind];
}

/** Grants the realm still offers but no client of the API should use, and why. */
export const NOT_ADVISED = [
  {
    grant: 'Implicit flow',
    setting: 'Implicit flow: Off',
    why: 'Tokens come back in the URL fragment, where history, logs, other scripts and the Referer can leak them; there is no code to bind with PKCE and no refresh token. RFC 9700 says not to use it, and OAuth 2.1 removes it: use the authorization code flow with PKCE.',
  },
  {
    grant: 'Resource owner password credentials (password grant)',
    setting: 'Direct access grants: Off',
    why: "The app sees the user's password and sends it on: users learn to type it into any app, and the realm's login page with its MFA, SSO and brute-force protection is bypassed. RFC 9700 says it must not be used: use the authorization code flow, or the device grant without a browser.",
  },
] as const;
