import type { EnvironmentConfig } from '../config/types.ts';
import { realmNameOf } from './describeDiscovery.ts';

export type AppType = 'web' | 'mobile';

/** What the person asking for a client fills in. */
export interface ClientRequestForm {
  clientId: string;
  environment: EnvironmentConfig;
  redirectUri: string;
  appType: AppType;
}

export interface ClientRequest {
  /** Setting → value, named as in Keycloak's admin console (Clients → Create client). */
  rows: Array<[string, string]>;
  /** Problems to fix before sending; the request is only offered without any. */
  problems: string[];
  markdown: string;
  text: string;
  subject: string;
}

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

/** RFC 6749 §3.1.2 and RFC 8252 §7: what a redirect URI may look like for each kind of app. */
function redirectProblems(value: string, appType: AppType, production: boolean): string[] {
  if (value.trim() === '') return ['Callback URI: fill it in (where the realm sends the user back).'];
  const parsed = URL.parse(value.trim());
  if (!parsed) return [`Callback URI: "${value}" is not an absolute URI.`];
  const problems: string[] = [];
  if (parsed.hash) problems.push('Callback URI: must not contain a #fragment (RFC 6749 §3.1.2).');
  if (value.includes('*')) {
    problems.push('Callback URI: give the exact URI; a wildcard lets the realm send codes elsewhere.');
  }
  const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    problems.push('Callback URI: must use https: (http: only for 127.0.0.1 on a developer machine).');
  }
  if (appType === 'web' && !web) {
    problems.push('Callback URI: a web app gets an https: callback on its own site.');
  }
  if (appType === 'mobile' && web && parsed.protocol === 'http:' && production) {
    problems.push('Callback URI: a production mobile app uses its private scheme or a claimed https: link.');
  }
  if (production && parsed.protocol === 'http:') {
    problems.push('Callback URI: Production does not accept a loopback callback.');
  }
  return problems;
}

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The client registration request a realm admin needs, as rows, a Markdown table and a plain-text
 * table for a mail. The settings are the ones the portal (or any browser or mobile app using
 * authorization code + PKCE) needs: a public client, standard flow, PKCE S256, exact redirect URI.
 */
export function clientRequest({
  clientId,
  environment,
  redirectUri,
  appType,
}: ClientRequestForm): ClientRequest {
  const problems: string[] = [];
  const id = clientId.trim();
  if (id === '') problems.push('Client ID: fill in the name the client should have.');
  else if (!/^[A-Za-z0-9._-]+$/.test(id)) {
    problems.push('Client ID: use letters, digits, dots, dashes and underscores (no spaces).');
  }
  const callback = redirectUri.trim();
  problems.push(...redirectProblems(callback, appType, environment.production));

  const origin = URL.parse(callback)?.origin;
  const webOrigin = origin && origin !== 'null' ? origin : '';
  const realm = realmNameOf(environment.authority) ?? environment.authority;
  const rows: Array<[string, string]> = [
    ['Environment', `${environment.label}${environment.production ? ' (production)' : ''}`],
    ['Realm', `${realm} (${environment.authority})`],
    ['Client ID', id],
    ['Application type', appType === 'web' ? 'Web app (runs in a browser)' : 'Mobile app (native)'],
    ['Client type', 'OpenID Connect'],
    ['Client authentication', 'Off (public client, no secret)'],
    ['Authentication flow', 'Standard flow on; Direct access grants, Implicit flow off'],
    ['PKCE code challenge method', 'S256'],
    ['Valid redirect URIs', callback],
    [
      'Valid post logout redirect URIs',
      appType === 'web' && webOrigin ? `${webOrigin}/` : '+ (same as the redirect URIs)',
    ],
    ['Web origins', appType === 'web' && webOrigin ? webOrigin : 'none needed (no browser calls)'],
  ];

  const width = Math.max(...rows.map(([name]) => name.length));
  const text = rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
  const markdown = [
    '| Setting | Value |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${cell(name)} | ${cell(value)} |`),
  ].join('\n');
  const subject = `Client registration request: ${id || '(client ID)'} in ${realm} (${environment.label})`;
  return { rows, problems, markdown, text, subject };
}
