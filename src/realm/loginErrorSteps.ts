import type { EnvironmentConfig } from '../config/types.ts';
import { adminEventsUrl, realmNameOf } from '../config/urls.ts';
import { localDateTime } from '../shared/format.ts';

export interface LoginErrorContext {
  environment: EnvironmentConfig;
  /** The portal's callback URL for this environment. */
  redirectUri: string;
  /**
   * What the portal knows of the time: when a failure came back, or when a sign-in that never came
   * back started. Absent when the help is opened without a failure: then no time is stated.
   */
  when?: { failedAt: Date } | { startedAt: Date } | undefined;
  /** The realm's `error` and `error_description`, when it sent any. */
  code?: string | undefined;
  description?: string | undefined;
}

const day = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * What someone without admin rights passes to the realm admin: where the failed sign-in is logged
 * and how to find it. Written for Keycloak's current console (Events → User events); older
 * consoles call the same list Events → Login events.
 */
export function loginErrorSteps({
  environment,
  redirectUri,
  when,
  code,
  description,
}: LoginErrorContext): string[] {
  const realm = realmNameOf(environment.authority) ?? environment.authority;
  const consoleUrl = adminEventsUrl(environment.authority);
  const failure = code ? ` The portal received "${code}${description ? `: ${description}` : ''}".` : '';
  const at = when && ('failedAt' in when ? when.failedAt : when.startedAt);
  const happened = !when
    ? 'failed.'
    : 'failedAt' in when
      ? `failed at ${localDateTime(when.failedAt.getTime())}.`
      : `started at ${localDateTime(when.startedAt.getTime())} and never came back to the portal.`;
  return [
    `A sign-in to the realm "${realm}" (${environment.label}) with the client "${environment.clientId}" ${happened}${failure}`,
    consoleUrl
      ? `Open ${consoleUrl} and sign in as an admin of the realm.`
      : `Open the Keycloak admin console of ${environment.authority} and choose the realm "${realm}".`,
    'Go to Events → User events (Login events in older consoles).',
    `Search user event: Event type LOGIN_ERROR (also CODE_TO_TOKEN_ERROR), Client "${environment.clientId}", ${at ? `Date from ${day(at)}` : 'Date from the day it happened'}.`,
    'Open the matching event: its "error" (e.g. invalid_user_credentials, invalid_redirect_uri, client_not_found) and details name the cause.',
    `Compare the client with what the portal sends: callback ${redirectUri}, public client, Standard flow, PKCE S256.`,
    'If the list is empty, the realm does not save user events: Realm settings → Events → User events settings → Save events ON, then try the sign-in again (until then errors only reach the server log as type=LOGIN_ERROR).',
  ];
}
