import { describe, expect, it } from 'vitest';
import { callbackIssuerCheck, discoveryIssuerCheck } from './signinChecks.ts';

const REALM = 'https://auth.abrumet.example/auth/realms/abrumet';
const ACCEPTANCE = 'https://acc.auth.abrumet.example/auth/realms/abrumet';

describe('discoveryIssuerCheck', () => {
  it.each([
    [REALM, null],
    [`${REALM}/`, null],
    [ACCEPTANCE, ACCEPTANCE],
    [REALM.replace('https:', 'http:'), REALM.replace('https:', 'http:')],
    [REALM.replace('/auth', ''), REALM.replace('/auth', '')],
    [undefined, '(none)'],
    [42, '(none)'],
  ])('case 10: discovery naming %j is refused when it is not the configured realm', (advertised, refused) => {
    const check = discoveryIssuerCheck(advertised, REALM);
    expect(check).toEqual(
      refused === null ? null : { kind: 'discovery-issuer', configured: REALM, advertised: refused },
    );
  });
});

describe('callbackIssuerCheck', () => {
  const callback = (params: Record<string, string>) =>
    `https://portal.example/callback/production?${new URLSearchParams(params)}`;

  it.each([
    ['the realm itself', { code: 'c', state: 's', iss: REALM }, true, null],
    ['the acceptance realm', { code: 'c', state: 's', iss: ACCEPTANCE }, true, ACCEPTANCE],
    [
      'the realm with a trailing slash (not the same string)',
      { code: 'c', state: 's', iss: `${REALM}/` },
      true,
      `${REALM}/`,
    ],
    [
      'another realm, on an error answer too',
      { error: 'access_denied', state: 's', iss: ACCEPTANCE },
      false,
      ACCEPTANCE,
    ],
  ])('case 6: refuses an answer whose iss is %s unless it is the realm', (_, params, promised, received) => {
    expect(callbackIssuerCheck(callback(params), REALM, promised)).toEqual(
      received === null ? null : { kind: 'callback-issuer', expected: REALM, received },
    );
  });

  it('case 6: refuses a code without iss from a realm that promises one (RFC 9207 §2.4)', () => {
    expect(callbackIssuerCheck(callback({ code: 'c', state: 's' }), REALM, true)).toEqual({
      kind: 'callback-issuer',
      expected: REALM,
      received: null,
    });
  });

  it('takes a code without iss from a realm that does not promise one, and an error answer without iss', () => {
    expect(callbackIssuerCheck(callback({ code: 'c', state: 's' }), REALM, false)).toBeNull();
    expect(callbackIssuerCheck(callback({ error: 'access_denied', state: 's' }), REALM, true)).toBeNull();
  });
});
