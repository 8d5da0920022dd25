import { describe, expect, it, vi } from 'vitest';
import { discoveryUrlOf } from '../config/realmUrls.ts';
import { fetchDiscovery } from './fetchDiscovery.ts';

const authority = 'https://auth.example.org/realms/abrumet';

describe('fetchDiscovery', () => {
  it('asks the well-known URL without cookies and keeps status, type and body', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('{"error":"Realm does not exist"}', {
          status: 404,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const result = await fetchDiscovery(authority, { fetch });
    expect(fetch).toHaveBeenCalledWith(
      `${authority}/.well-known/openid-configuration`,
      expect.objectContaining({ credentials: 'omit', cache: 'no-store' }),
    );
    expect(result).toMatchObject({
      kind: 'response',
      status: 404,
      contentType: 'application/json',
      body: '{"error":"Realm does not exist"}',
    });
  });

  it('turns a failed fetch (down, CORS, offline) into a network-error value', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchDiscovery(authority, { fetch })).toEqual({
      kind: 'network-error',
      url: discoveryUrlOf(authority),
      message: 'Failed to fetch',
    });
  });

  it('does not double a trailing slash', () => {
    expect(discoveryUrlOf(`${authority}/`)).toBe(`${authority}/.well-known/openid-configuration`);
  });
});
