import { describe, expect, it } from 'vitest';
import type { KeycloakClient } from './admin.ts';
import { withoutPortal, withPortal } from './portalRegistration.ts';

const exported = 'http://127.0.0.1:5173';
const client: KeycloakClient = {
  id: 'c1',
  clientId: 'abrumet-portal',
  redirectUris: [`${exported}/callback/local`],
  webOrigins: [exported],
  attributes: { 'post.logout.redirect.uris': `${exported}/`, 'pkce.code.challenge.method': 'S256' },
};

describe('withPortal / withoutPortal', () => {
  it('registers a new portal address with 30 s access tokens, and undoing it gives the client back', () => {
    const other = 'http://127.0.0.1:6001';
    const { client: registered, registered: added } = withPortal(client, {
      origin: other,
      redirectUris: [`${other}/callback/local`],
      accessTokenTtl: 30,
    });
    expect(registered.redirectUris).toEqual([`${exported}/callback/local`, `${other}/callback/local`]);
    expect(registered.webOrigins).toEqual([exported, other]);
    expect(registered.attributes).toMatchObject({
      'post.logout.redirect.uris': `${exported}/##${other}/`,
      'access.token.lifespan': '30',
    });
    expect(withoutPortal(registered, added)).toEqual({
      ...client,
      attributes: { ...client.attributes, 'access.token.lifespan': '' },
    });
  });

  it("registering the export's own address again (KEYCLOAK_URL, default port) leaves it in place when undone", () => {
    const { client: registered, registered: added } = withPortal(client, {
      origin: exported,
      redirectUris: [`${exported}/callback/local`],
      accessTokenTtl: 30,
    });
    expect(registered.redirectUris).toEqual(client.redirectUris);
    const undone = withoutPortal(registered, added);
    expect(undone.redirectUris).toEqual([`${exported}/callback/local`]);
    expect(undone.webOrigins).toEqual([exported]);
    expect(undone.attributes['post.logout.redirect.uris']).toBe(`${exported}/`);
  });

  it('puts back a lifetime the client had of its own', () => {
    const own = { ...client, attributes: { ...client.attributes, 'access.token.lifespan': '120' } };
    const { client: registered, registered: added } = withPortal(own, {
      origin: exported,
      redirectUris: [],
      accessTokenTtl: 30,
    });
    expect(registered.attributes['access.token.lifespan']).toBe('30');
    expect(withoutPortal(registered, added).attributes['access.token.lifespan']).toBe('120');
  });
});
