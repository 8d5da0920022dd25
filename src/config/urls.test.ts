import { describe, expect, it } from 'vitest';
import {
  adminEventsUrl,
  isLocalRealm,
  masterRealmDiscoveryOf,
  popupRedirectUriOf,
  realmNameOf,
  redirectUriOf,
  sameIssuer,
} from './urls.ts';

describe('adminEventsUrl', () => {
  it.each([
    ['https://host/auth/realms/abrumet', 'https://host/auth/admin/master/console/#/abrumet/events'],
    ['https://host/realms/abrumet', 'https://host/admin/master/console/#/abrumet/events'],
    ['https://host:8443/realms/abrumet/', 'https://host:8443/admin/master/console/#/abrumet/events'],
    ['https://host/realms/my%20realm', 'https://host/admin/master/console/#/my%20realm/events'],
    [
      'http://127.0.0.1:8180/auth/realms/abrumet',
      'http://127.0.0.1:8180/auth/admin/master/console/#/abrumet/events',
    ],
    ['https://host/oauth2/default', null],
    ['not a url', null],
  ])('links %s to %s', (authority, expected) => {
    expect(adminEventsUrl(authority)).toBe(expected);
  });

  it("opens the realm's own console for admins of that realm only", () => {
    expect(adminEventsUrl('https://host/realms/abrumet', 'abrumet')).toBe(
      'https://host/admin/abrumet/console/#/abrumet/events',
    );
  });
});

describe('realmNameOf', () => {
  it.each([
    ['https://host/auth/realms/abrumet', 'abrumet'],
    ['https://host/realms/abrumet/', 'abrumet'],
    ['https://host/realms/my%20realm', 'my realm'],
    ['https://host/oauth2', null],
    ['not a url', null],
  ])('reads %s as %s', (authority, name) => {
    expect(realmNameOf(authority)).toBe(name);
  });
});

describe('masterRealmDiscoveryOf', () => {
  it.each([
    ['https://host/auth/realms/abrumett', 'https://host/auth/realms/master/.well-known/openid-configuration'],
    ['https://host/realms/abrumet/', 'https://host/realms/master/.well-known/openid-configuration'],
    ['https://host/oauth2/default', null],
  ])('finds the master realm beside %s', (authority, expected) => {
    expect(masterRealmDiscoveryOf(authority)).toBe(expected);
  });
});

describe('sameIssuer', () => {
  it.each<[string | undefined, string, boolean]>([
    ['https://host/realms/abrumet', 'https://host/realms/abrumet/', true],
    ['https://host/realms/Abrumet', 'https://host/realms/abrumet', false],
    [undefined, 'https://host/realms/abrumet', false],
  ])('compares %s with %s: %s', (iss, authority, same) => {
    expect(sameIssuer(iss, authority)).toBe(same);
  });
});

describe('redirectUriOf', () => {
  it.each([
    ['/callback/local', 'http://127.0.0.1:5173/callback/local'],
    ['https://portal.example.org/cb', 'https://portal.example.org/cb'],
  ])('resolves %s against the portal origin', (redirectUri, expected) => {
    expect(redirectUriOf({ redirectUri }, 'http://127.0.0.1:5173')).toBe(expected);
  });
});

describe('popupRedirectUriOf', () => {
  it.each([
    ['/callback/local', 'http://127.0.0.1:5173/callback/local/identity'],
    ['/callback/local/', 'http://127.0.0.1:5173/callback/local/identity'],
    ['https://portal.example/cb', 'https://portal.example/cb/identity'],
  ])('puts /identity after the callback %s', (redirectUri, expected) => {
    expect(popupRedirectUriOf({ redirectUri }, 'http://127.0.0.1:5173')).toBe(expected);
  });
});

describe('isLocalRealm', () => {
  it.each([
    ['http://127.0.0.1:8180/auth/realms/abrumet', true],
    ['http://localhost:8080/realms/abrumet', true],
    ['http://[::1]:8080/realms/abrumet', true],
    ['https://acc.auth.abrumet.example/auth/realms/abrumet', false],
    ['https://127.0.0.1.example.org/realms/abrumet', false],
  ])('says %s is local: %s', (authority, local) => {
    expect(isLocalRealm(authority)).toBe(local);
  });
});
