import type { EnvironmentConfig } from '../../config/types.ts';
import { realmNameOf } from '../../config/urls.ts';
import { type ClientKind, clientKind } from './clientKinds.ts';
import { type ClientSetting, clientSettings } from './clientSettings.ts';
import { redirectProblems } from './redirectProblems.ts';

export type { ClientSetting };

/** What the person asking for a client fills in. */
export interface ClientRequestForm {
  clientId: string;
  environment: EnvironmentConfig;
  /** Ignored for the kinds without a user at a browser (a service, a device). */
  redirectUri: string;
  kind: ClientKind;
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

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The client registration request a realm admin needs, as settings from which both the table (rows,
 * Markdown, plain text for a mail) and the checklist are made, so the two cannot disagree. The
 * Keycloak settings depend on the kind of client (clientSettings): a public client with the
 * authorization code flow and PKCE for a browser or a phone, a confidential one for a server or a
 * service, the device grant for a tool without a browser; always the API's audience mapper and the
 * realm role the API requires.
 */
export function clientRequest({
  clientId,
  environment,
  redirectUri,
  kind,
}: ClientRequestForm): ClientRequest {
  const problems: string[] = [];
  const id = clientId.trim();
  if (id === '') problems.push('Client ID: fill in the name the client should have.');
  else if (!/^[A-Za-z0-9._-]+$/.test(id)) {
    problems.push('Client ID: use letters, digits, dots, dashes and underscores (no spaces).');
  }
  const callback = redirectUri.trim();
  const info = clientKind(kind);
  problems.push(...redirectProblems(callback, info.redirect, environment.production));

  const realm = realmNameOf(environment.authority) ?? environment.authority;
  const settings: ClientSetting[] = [
    {
      name: 'Environment',
      value: `${environment.label}${environment.production ? ' (production)' : ''}`,
      why: '',
    },
    { name: 'Realm', value: `${realm} (${environment.authority})`, why: '' },
    { name: 'Client ID', value: id, why: '' },
    { name: 'Application type', value: info.applicationType, why: '' },
    ...clientSettings(kind, { callback, api: environment.api }),
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
