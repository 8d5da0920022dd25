import { beforeEach, describe, expect, it } from 'vitest';
import { carryDiscovery, takeCarriedDiscovery } from './carriedDiscovery.ts';

const AUTHORITY = 'https://auth.abrumet.example/auth/realms/abrumet';
const metadata = { issuer: AUTHORITY, token_endpoint: `${AUTHORITY}/protocol/openid-connect/token` };
const REDIRECT = 'https://portal.example/callback/acceptance';

beforeEach(() => sessionStorage.clear());

describe('carriedDiscovery', () => {
  it('hands the document to the callback page it was carried to, once', () => {
    carryDiscovery(sessionStorage, AUTHORITY, REDIRECT, metadata);
    expect(takeCarriedDiscovery(sessionStorage, { pathname: '/callback/acceptance' })).toEqual({
      authority: AUTHORITY,
      metadata,
    });
    expect(sessionStorage.length).toBe(0);
    expect(takeCarriedDiscovery(sessionStorage, { pathname: '/callback/acceptance' })).toBeNull();
  });

  it('leaves it to its callback when another page opens first (the sign-in page left with Back)', () => {
    carryDiscovery(sessionStorage, AUTHORITY, REDIRECT, metadata);
    expect(takeCarriedDiscovery(sessionStorage, { pathname: '/' })).toBeNull();
    expect(takeCarriedDiscovery(sessionStorage, { pathname: '/callback/production' })).toBeNull();
    expect(takeCarriedDiscovery(sessionStorage, { pathname: '/callback/acceptance' })?.metadata).toEqual(
      metadata,
    );
  });

  it.each([
    ['not JSON', '{"authority":'],
    ['not its shape', JSON.stringify({ authority: AUTHORITY, callback: '/callback/acceptance' })],
  ])('drops what it cannot read (%s): the callback page then asks the realm itself', (_case, raw) => {
    sessionStorage.setItem('abrumet.discovery', raw);
    expect(takeCarriedDiscovery(sessionStorage, { pathname: '/callback/acceptance' })).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
