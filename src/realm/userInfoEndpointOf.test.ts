import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../config/types.ts';
import type { DiscoveryView } from '../shared/discovery/describeDiscovery.ts';
import { userInfoEndpointOf } from './userInfoEndpointOf.ts';

const authority = 'https://auth.example.org/realms/abrumet';
const environment = { authority } as EnvironmentConfig;
const withUserInfo = (url: string | undefined): DiscoveryView => ({
  ok: true,
  issuer: authority,
  issuerMismatch: null,
  warnings: null,
  endpoints: [{ key: 'userinfo_endpoint', name: 'UserInfo', url }],
});

describe('userInfoEndpointOf', () => {
  it("gives the realm's advertised endpoint", () => {
    const url = `${authority}/protocol/openid-connect/userinfo`;
    expect(userInfoEndpointOf(withUserInfo(url), environment)).toEqual({ ok: true, url });
  });

  it.each<[string, DiscoveryView | null, string]>([
    ['still loading', null, 'Waiting'],
    [
      'a failed discovery',
      { ok: false, kind: 'network', tone: 'bad', title: 'The realm did not answer', next: '' },
      'The realm did not answer',
    ],
    ['no endpoint', withUserInfo(undefined), 'no UserInfo endpoint'],
    ['another origin', withUserInfo('https://evil.example.net/userinfo'), 'does not send the token there'],
  ])('refuses when %s', (_case, view, message) => {
    const target = userInfoEndpointOf(view, environment);
    expect(target.ok).toBe(false);
    expect(!target.ok && target.message).toContain(message);
  });
});
