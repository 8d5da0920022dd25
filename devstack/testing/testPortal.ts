import type { IdpOptions } from '../idp/createIdp.ts';

const origin = 'http://127.0.0.1:5173';

/** The portal the devstack tests act as: its origin and its registration at the IdP. */
export const testPortal = {
  origin,
  /** An origin that is not the portal's, for CORS refusals. */
  otherOrigin: 'http://evil.example',
  clientId: 'abrumet-portal',
  redirectUri: `${origin}/callback/local`,
  postLogoutRedirectUri: `${origin}/`,
  /** createIdp options that register this portal, plus any overrides. */
  idpOptions(overrides: Partial<IdpOptions> = {}): IdpOptions {
    return {
      portalOrigins: [origin],
      redirectUris: [`${origin}/callback/local`],
      postLogoutRedirectUris: [`${origin}/`],
      ...overrides,
    };
  },
};
