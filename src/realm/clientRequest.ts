import type { EnvironmentConfig } from '../config/types.ts';
import { realmNameOf } from '../config/urls.ts';

export type AppType = 'web' | 'mobile';

/** What the person asking for a client fills in. */
export interface ClientRequestForm {
  clientId: string;
  environment: EnvironmentConfig;
  redirectUri: string;
  appType: AppType;
}

/** One line of the request: what to set, to what, and why (or where) for the checklist. */
export interface ClientSetting {
  /** Named as in Keycloak's admin console (Clients → Create client). */
  name: string;
  value: string;
  /** Why the app needs it and where the admin finds it; empty for facts that are not settings. */
  why: string;
}

export interface ClientRequest {
  /** Everything the request says, in order: the table and the checklist are both made from it. */
  settings: ClientSetting[];
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
 * The client registration request a realm admin needs, as settings from which both the table (rows,
 * Markdown, plain text for a mail) and the checklist are made, so the two cannot disagree. The
 * settings are the ones the portal (or any browser or mobile app using authorization code + PKCE)
 * needs: a public client, standard flow, PKCE S256, exact redirect URI, Web origins for a browser,
 * the API's audience mapper and the realm role the API requires.
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
  const web = appType === 'web';
  const realm = realmNameOf(environment.authority) ?? environment.authority;
  const { audience, requiredRole } = environment.api;
  const settings: ClientSetting[] = [
    {
      name: 'Environment',
      value: `${environment.label}${environment.production ? ' (production)' : ''}`,
      why: '',
    },
    { name: 'Realm', value: `${realm} (${environment.authority})`, why: '' },
    { name: 'Client ID', value: id, why: '' },
    {
      name: 'Application type',
      value: web ? 'Web app (runs in a browser)' : 'Mobile app (native)',
      why: '',
    },
    { name: 'Client type', value: 'OpenID Connect', why: 'Clients → Create client.' },
    {
      name: 'Client authentication',
      value: 'Off (public client, no secret)',
      why: `A ${web ? 'browser' : 'mobile app'} cannot keep a secret. Settings → Capability config.`,
    },
    {
      name: 'Authentication flow',
      value: 'Standard flow on; Direct access grants, Implicit flow off',
      why: 'The authorization code flow. Settings → Capability config.',
    },
    {
      name: 'PKCE code challenge method',
      value: 'S256',
      why: 'Advanced → Advanced settings → Proof Key for Code Exchange Code Challenge Method.',
    },
    {
      name: 'Valid redirect URIs',
      value: callback,
      why: 'Exactly this URI: anything else and the realm stops on "Invalid parameter: redirect_uri".',
    },
    {
      name: 'Valid post logout redirect URIs',
      value: web && webOrigin ? `${webOrigin}/` : '+ (same as the redirect URIs)',
      why: 'So that Sign out comes back to the app.',
    },
    {
      name: 'Web origins',
      value: web && webOrigin ? webOrigin : 'none needed (no browser calls)',
      why: web
        ? 'Without it the browser blocks the token and UserInfo requests (CORS).'
        : 'A native app calls the realm without a browser, so CORS does not apply.',
    },
    {
      name: 'Audience mapper',
      value: audience
        ? `adds “${audience}” to access tokens (Included Custom Audience, Add to access token on)`
        : 'only if the API checks aud: adds the API to access tokens',
      why: 'Client scopes → the client’s dedicated scope → Add mapper → By configuration → Audience. The API refuses tokens without its audience.',
    },
    {
      name: 'Realm role for users of the API',
      value: requiredRole,
      why: `The API requires the realm role ${requiredRole} (Realm roles; Users → Role mapping). A client role of that name does not count.`,
    },
  ];
  const rows = settings.map(({ name, value }): [string, string] => [name, value]);

  const width = Math.max(...rows.map(([name]) => name.length));
  const text = rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
  const markdown = [
    '| Setting | Value |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${cell(name)} | ${cell(value)} |`),
  ].join('\n');
  const subject = `Client registration request: ${id || '(client ID)'} in ${realm} (${environment.label})`;
  return { settings, rows, problems, markdown, text, subject };
}

/** A mail draft to the realm admin; null without an admin address in config.json. */
export function mailtoFor(request: ClientRequest, adminEmail: string | undefined): string | null {
  if (!adminEmail) return null;
  const body = [
    'Hello,',
    '',
    'Could you register this client, please?',
    '',
    request.text,
    '',
    'Thank you.',
  ].join('\n');
  return `mailto:${encodeURI(adminEmail)}?subject=${encodeURIComponent(request.subject)}&body=${encodeURIComponent(body)}`;
}
