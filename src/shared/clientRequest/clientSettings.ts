import type { ApiConfig } from '../../config/types.ts';
import { type ClientKind, clientKind } from './clientKinds.ts';

/** One line of the request: what to set, to what, and why (or where) for the checklist. */
export interface ClientSetting {
  /** Named as in Keycloak's admin console (Clients → Create client). */
  name: string;
  value: string;
  /** Why the app needs it and where the admin finds it; empty for facts that are not settings. */
  why: string;
}

const CAPABILITY = 'Settings → Capability config.';

const PUBLIC: Record<'spa' | 'mobile' | 'device', string> = {
  spa: 'A browser cannot keep a secret: anyone can read the code it runs.',
  mobile: 'An app on a phone cannot keep a secret: anyone can unpack it.',
  device: "A tool on users' machines cannot keep a secret; the user's approval in a browser is the proof.",
};

function authentication(kind: ClientKind): ClientSetting {
  if (kind === 'server' || kind === 'service') {
    return {
      name: 'Client authentication',
      value: 'On (confidential client: client secret, or Signed JWT with a private key)',
      why: `${kind === 'server' ? 'The server keeps the secret, never the browser.' : "The secret (or key) is the service's only proof of who it is."} ${CAPABILITY} Credentials → Client Authenticator.`,
    };
  }
  return {
    name: 'Client authentication',
    value: 'Off (public client, no secret)',
    why: `${PUBLIC[kind]} ${CAPABILITY}`,
  };
}

function flows(kind: ClientKind): ClientSetting {
  const off = 'Direct access grants, Implicit flow off';
  if (kind === 'service') {
    return {
      name: 'Authentication flow',
      value: `Service accounts roles on; Standard flow, ${off}`,
      why: `The client credentials grant: the client signs in as itself. ${CAPABILITY}`,
    };
  }
  if (kind === 'device') {
    return {
      name: 'Authentication flow',
      value: `OAuth 2.0 Device Authorization Grant on; Standard flow, ${off}`,
      why: `The device authorization grant (RFC 8628): the user approves in a browser elsewhere. ${CAPABILITY}`,
    };
  }
  return {
    name: 'Authentication flow',
    value: `Standard flow on; ${off}`,
    why: `The authorization code flow. ${CAPABILITY}`,
  };
}

/** Where a user-facing client is sent back, and which browser origins may call the realm. */
function redirects(kind: ClientKind, callback: string): ClientSetting[] {
  const origin = URL.parse(callback)?.origin;
  const webOrigin = origin && origin !== 'null' ? origin : '';
  const inBrowser = kind === 'spa';
  const webApp = kind === 'spa' || kind === 'server';
  return [
    {
      name: 'PKCE code challenge method',
      value: 'S256',
      why: `${kind === 'server' ? 'PKCE protects a confidential client’s code too (RFC 9700 §2.1.1). ' : ''}Advanced → Advanced settings → Proof Key for Code Exchange Code Challenge Method.`,
    },
    {
      name: 'Valid redirect URIs',
      value: callback,
      why: 'Exactly this URI: anything else and the realm stops on "Invalid parameter: redirect_uri".',
    },
    {
      name: 'Valid post logout redirect URIs',
      value: webApp && webOrigin ? `${webOrigin}/` : '+ (same as the redirect URIs)',
      why: 'So that Sign out comes back to the app.',
    },
    {
      name: 'Web origins',
      value: inBrowser && webOrigin ? webOrigin : 'none needed (no browser calls)',
      why: inBrowser
        ? 'Without it the browser blocks the token and UserInfo requests (CORS).'
        : kind === 'server'
          ? 'The server calls the realm, not the browser, so CORS does not apply.'
          : 'A native app calls the realm without a browser, so CORS does not apply.',
    },
  ];
}

function audienceMapper(audience: string | undefined): ClientSetting {
  return {
    name: 'Audience mapper',
    value: audience
      ? `adds “${audience}” to access tokens (Included Custom Audience, Add to access token on)`
      : 'only if the API checks aud: adds the API to access tokens',
    why: 'Client scopes → the client’s dedicated scope → Add mapper → By configuration → Audience. The API refuses tokens without its audience.',
  };
}

function role(kind: ClientKind, requiredRole: string): ClientSetting {
  if (kind === 'service') {
    return {
      name: 'Service account roles',
      value: `realm role ${requiredRole}`,
      why: `A client credentials token speaks for the client's service account, not for a person, and the API requires the realm role ${requiredRole} of whoever calls: Service accounts roles → Assign role → Filter by realm roles → ${requiredRole}. Without it the API answers 403 insufficient_scope.`,
    };
  }
  return {
    name: 'Realm role for users of the API',
    value: requiredRole,
    why: `The API requires the realm role ${requiredRole} (Realm roles; Users → Role mapping). A client role of that name does not count.`,
  };
}

/**
 * The Keycloak client settings a kind of client needs, named as in the admin console, each with
 * why and where: public or confidential, which flows, PKCE and redirects for the kinds with a user
 * at a browser, the API's audience mapper, and the realm role the API requires (of the users, or of
 * the service account when there is no user).
 */
export function clientSettings(
  kind: ClientKind,
  { callback, api }: { callback: string; api: Pick<ApiConfig, 'audience' | 'requiredRole'> },
): ClientSetting[] {
  return [
    { name: 'Client type', value: 'OpenID Connect', why: 'Clients → Create client.' },
    authentication(kind),
    flows(kind),
    ...(clientKind(kind).redirect === 'none' ? [] : redirects(kind, callback)),
    audienceMapper(api.audience),
    role(kind, api.requiredRole),
  ];
}
