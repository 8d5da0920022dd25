import { describe, expect, it } from 'vitest';
import { expectsSignedInPage, storesUserFor } from './expectsSignedInPage.ts';

const storageWith = (keys: string[]): Storage => {
  const storage = window.sessionStorage;
  storage.clear();
  for (const key of keys) storage.setItem(key, '{}');
  return storage;
};
const at = (path: string) => new URL(`http://127.0.0.1:5173${path}`);

describe('expectsSignedInPage', () => {
  it.each([
    ['a sign-in callback', '/callback/local?code=c&state=s', [], true],
    ['a stored user of any environment', '/', ['oidc.acceptance.user:https://a/realms/x:client'], true],
    ['only sign-in state (a pending sign-in), no user', '/', ['oidc.local.7f3a'], false],
    ['preferences only', '/', ['abrumet.tab'], false],
  ])('says %s → %s', (_case, path, keys, expected) => {
    expect(expectsSignedInPage(at(path), storageWith(keys))).toBe(expected);
  });
});

describe('storesUserFor', () => {
  it.each([
    ["that environment's user", ['oidc.local.user:http://127.0.0.1:1/realms/abrumet:portal'], true],
    ["another environment's user", ['oidc.acceptance.user:https://a/realms/x:client'], false],
    ['a pending sign-in only', ['oidc.local.7f3a'], false],
  ])('says %s → %s', (_case, keys, expected) => {
    expect(storesUserFor('local', storageWith(keys))).toBe(expected);
  });
});
