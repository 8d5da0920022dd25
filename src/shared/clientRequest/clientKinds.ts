/**
 * The kinds of clients that call the Abrumet API. Each kind has its own flow and its own Keycloak
 * settings; the registration form (realm/) and the integration guide (integrate/) both ask for one.
 */
export type ClientKind = 'spa' | 'server' | 'mobile' | 'service' | 'device';

/** Where the realm sends the user back: a web page, an app on the device, or nowhere (no user). */
export type RedirectKind = 'web' | 'native' | 'none';

export interface ClientKindInfo {
  kind: ClientKind;
  /** The choice as a developer reads it. */
  label: string;
  /** The "Application type" line of the registration request. */
  applicationType: string;
  redirect: RedirectKind;
  /** A name to show as an example, and to use in code until the developer types their own. */
  exampleClientId: string;
  /** An example callback, for the kinds that have one. */
  exampleRedirectUri: string;
  /** What the callback field asks for. */
  redirectHint: string;
}

export const CLIENT_KINDS: readonly ClientKindInfo[] = [
  {
    kind: 'spa',
    label: 'Single-page app (browser)',
    applicationType: 'Single-page web app (runs in the browser)',
    redirect: 'web',
    exampleClientId: 'abrumet-spa',
    exampleRedirectUri: 'https://app.abrumet.example/callback',
    redirectHint: "Where the realm sends the user back after sign-in: a page of the app's own site.",
  },
  {
    kind: 'server',
    label: 'Server-side web app',
    applicationType: 'Server-side web app (confidential)',
    redirect: 'web',
    exampleClientId: 'abrumet-web',
    exampleRedirectUri: 'https://web.abrumet.example/callback',
    redirectHint: "The server's callback route, where it exchanges the code for tokens.",
  },
  {
    kind: 'mobile',
    label: 'Mobile app',
    applicationType: 'Mobile app (native)',
    redirect: 'native',
    exampleClientId: 'abrumet-mobile',
    exampleRedirectUri: 'org.abrumet.app:/oauth2redirect',
    redirectHint:
      "The app's private-use scheme (reverse domain name, e.g. org.abrumet.app:/oauth2redirect) or a claimed https: link (RFC 8252 §7).",
  },
  {
    kind: 'service',
    label: 'Service without a user',
    applicationType: 'Service calling the API without a user (client credentials)',
    redirect: 'none',
    exampleClientId: 'abrumet-service',
    exampleRedirectUri: '',
    redirectHint: '',
  },
  {
    kind: 'device',
    label: 'Command-line tool or device without a browser',
    applicationType: 'Command-line tool or device without a browser (device authorization)',
    redirect: 'none',
    exampleClientId: 'abrumet-cli',
    exampleRedirectUri: '',
    redirectHint: '',
  },
];

/** The facts of a kind; every kind is in the list, so this never fails. */
export function clientKind(kind: ClientKind): ClientKindInfo {
  const info = CLIENT_KINDS.find((candidate) => candidate.kind === kind);
  if (!info) throw new Error(`unknown client kind ${kind}`);
  return info;
}
