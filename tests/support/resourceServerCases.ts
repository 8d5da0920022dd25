/**
 * The one table of cases the request pane is judged on against real resource servers and gateways
 * (tests/resourceServers.test.ts), and the headline the portal gives for each: the README's table
 * is generated from it (tests/resourceServerTable.test.ts), so neither can drift from what the
 * browser shows.
 */

export type CaseId =
  | 'accepted'
  | 'no-token'
  | 'tampered'
  | 'expired'
  | 'id-token'
  | 'missing-role'
  | 'wrong-audience'
  | 'gateway-502'
  | 'gateway-504'
  | 'sso-api'
  | 'sso-redirect'
  | 'sso-page'
  | 'api-down'
  | 'csp-blocked';

export const CASES: ReadonlyArray<{ id: CaseId; label: string }> = [
  { id: 'accepted', label: 'therapist, GET /api/v1/patients' },
  { id: 'no-token', label: 'no token' },
  { id: 'tampered', label: 'tampered signature' },
  { id: 'expired', label: 'expired token (Send when it expires)' },
  { id: 'id-token', label: 'ID token instead' },
  { id: 'missing-role', label: 'patient, GET /api/v1/patients (lacks therapist)' },
  { id: 'wrong-audience', label: 'API expects another audience' },
  { id: 'gateway-502', label: 'gateway, API down (502)' },
  { id: 'gateway-504', label: 'gateway, API too slow (504)' },
  { id: 'sso-api', label: 'SSO gateway, API call (Accept: application/json)' },
  { id: 'sso-redirect', label: 'SSO gateway redirects to its login (no Accept)' },
  { id: 'sso-page', label: 'SSO gateway serves its login page in place (no Accept)' },
  { id: 'api-down', label: 'API down, nothing in front' },
  { id: 'csp-blocked', label: "origin the portal's CSP does not allow" },
];

export type ServerId = 'spring' | 'express' | 'go' | 'nginx' | 'oauth2-proxy' | 'oauth2-proxy-bare' | 'none';

export const SERVERS: ReadonlyArray<{ id: ServerId; label: string }> = [
  { id: 'spring', label: 'Spring Boot 4.0.7 resource server' },
  { id: 'express', label: 'Express 5 + express-oauth2-jwt-bearer' },
  { id: 'go', label: 'Go + auth0/go-jwt-middleware' },
  { id: 'nginx', label: 'nginx (CORS) in front of Express' },
  { id: 'oauth2-proxy', label: 'nginx (CORS) → oauth2-proxy 7.15.6 → Express' },
  { id: 'oauth2-proxy-bare', label: 'oauth2-proxy 7.15.6 alone (no CORS)' },
  { id: 'none', label: 'no server' },
];

/** What the portal shows: the response's status line and the verdict's kind and title. */
export interface Seen {
  status: string;
  kind: string;
  /** Numbers of seconds and 127.0.0.1 ports replaced (normalizeTitle), so a run's timing cannot show. */
  title: string;
}

/** Replaces what changes from run to run in a headline: seconds, and loopback ports. */
export const normalizeTitle = (title: string) =>
  title
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'http://127.0.0.1:PORT')
    .replace(/\b\d+ (s|min)\b/g, 'N $1')
    .trim();

export const EXPECTED: Readonly<Record<ServerId, Partial<Record<CaseId, Seen>>>> = {
  spring: {
    accepted: { status: '200', kind: 'ok', title: '200: the API accepted the request' },
    'no-token': { status: '401', kind: 'no-token', title: 'No token was sent' },
    tampered: { status: '401', kind: 'signature', title: 'Signature rejected' },
    expired: { status: '401', kind: 'expired', title: 'The token expired N s before the request' },
    'id-token': { status: '401', kind: 'wrong-token-type', title: 'Wrong token type: an ID token was sent' },
    'missing-role': {
      status: '403',
      kind: 'missing-role',
      title: 'The token lacks the realm role “therapist”',
    },
    'wrong-audience': {
      status: '401',
      kind: 'audience-config',
      title: 'config.json and the API disagree on the audience',
    },
  },
  express: {
    accepted: { status: '200 OK', kind: 'ok', title: '200 OK: the API accepted the request' },
    'no-token': { status: '401 Unauthorized', kind: 'no-token', title: 'No token was sent' },
    tampered: { status: '401 Unauthorized', kind: 'signature', title: 'Signature rejected' },
    expired: {
      status: '401 Unauthorized',
      kind: 'expired',
      title: 'The token expired N s before the request',
    },
    'id-token': {
      status: '401 Unauthorized',
      kind: 'wrong-token-type',
      title: 'Wrong token type: an ID token was sent',
    },
    'missing-role': {
      status: '401 Unauthorized',
      kind: 'missing-role',
      title: 'Likely cause: the token lacks the realm role “therapist”',
    },
    'wrong-audience': {
      status: '401 Unauthorized',
      kind: 'audience-config',
      title: 'config.json and the API disagree on the audience',
    },
  },
  go: {
    accepted: { status: '200 OK', kind: 'ok', title: '200 OK: the API accepted the request' },
    'no-token': { status: '400 Bad Request', kind: 'no-token', title: 'No token was sent' },
    tampered: { status: '401 Unauthorized', kind: 'signature', title: 'Signature rejected' },
    expired: {
      status: '401 Unauthorized',
      kind: 'expired',
      title: 'Likely cause: the token expired N s before the request',
    },
    'id-token': {
      status: '401 Unauthorized',
      kind: 'wrong-token-type',
      title: 'Wrong token type: an ID token was sent',
    },
    'missing-role': {
      status: '403 Forbidden',
      kind: 'missing-role',
      title: 'The token lacks the realm role “therapist”',
    },
    'wrong-audience': {
      status: '401 Unauthorized',
      kind: 'unauthorized',
      title: '401 Unauthorized, without a reason the page can read',
    },
  },
  nginx: {
    accepted: { status: '200 OK', kind: 'ok', title: '200 OK: the API accepted the request' },
    'gateway-502': {
      status: '502 Bad Gateway',
      kind: 'gateway',
      title: '502 Bad Gateway from a gateway or proxy (nginx), not from the API',
    },
    'gateway-504': {
      status: '504 Gateway Time-out',
      kind: 'gateway',
      title: '504 Gateway Time-out from a gateway or proxy (nginx), not from the API',
    },
  },
  'oauth2-proxy': {
    'sso-api': {
      status: '401 Unauthorized',
      kind: 'unauthorized',
      title: '401 Unauthorized, without a reason the page can read',
    },
    'sso-redirect': {
      status: 'Redirect (not followed)',
      kind: 'redirect',
      title:
        'Redirected, most likely to a sign-in page: an SSO gateway in front of the API wants a browser session',
    },
    'sso-page': {
      status: '403 Forbidden',
      kind: 'gateway',
      title: '403 Forbidden from a single sign-on page, not from the API',
    },
  },
  'oauth2-proxy-bare': {
    'sso-redirect': {
      status: 'No response',
      kind: 'no-response',
      title:
        'No response: the API is down, or CORS blocked it (the request may still have reached the server)',
    },
    'sso-page': {
      status: 'No response',
      kind: 'no-response',
      title:
        'No response: the API is down, or CORS blocked it (the request may still have reached the server)',
    },
  },
  none: {
    'api-down': {
      status: 'No response',
      kind: 'no-response',
      title:
        'No response: the API is down, or CORS blocked it (the request may still have reached the server)',
    },
    'csp-blocked': {
      status: 'Not sent (blocked by the portal’s CSP)',
      kind: 'blocked-by-csp',
      title:
        "Blocked by the portal's own Content-Security-Policy: http://127.0.0.1:PORT is not in its connect-src",
    },
  },
};

/** The README's table: one row per case, one column per server, each cell the status and the headline. */
export function caseTableMarkdown(): string {
  const servers = SERVERS.filter(({ id }) => Object.keys(EXPECTED[id]).length > 0);
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = CASES.filter(({ id }) => servers.some((server) => EXPECTED[server.id][id])).map(
    ({ id, label }) =>
      `| ${label} | ${servers
        .map((server) => {
          const seen = EXPECTED[server.id][id];
          if (!seen) return '';
          return cell(seen.title.startsWith(seen.status) ? seen.title : `${seen.status} · ${seen.title}`);
        })
        .join(' | ')} |`,
  );
  return [
    `| case | ${servers.map((server) => server.label).join(' | ')} |`,
    `|${' --- |'.repeat(servers.length + 1)}`,
    ...rows,
  ].join('\n');
}
