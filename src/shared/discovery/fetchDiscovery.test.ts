import { describe, expect, it, vi } from 'vitest';
import { discoveryUrlOf } from '../../config/urls.ts';
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
      probe: { server: 'unreachable', masterRealm: false },
    });
  });

  it('does not double a trailing slash', () => {
    expect(discoveryUrlOf(`${authority}/`)).toBe(`${authority}/.well-known/openid-configuration`);
  });
});

describe('fetchDiscovery, when the browser sees no answer', () => {
  const failing = async () => {
    throw new TypeError('Failed to fetch');
  };

  it('looks twice: a server that answers without CORS, and a master realm that loads, mean an unknown realm', async () => {
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      if (String(url).includes('/realms/master/')) return new Response('{"issuer":"x"}', { status: 200 });
      return failing();
    });
    const result = await fetchDiscovery(authority, { fetch });
    expect(result).toMatchObject({ kind: 'network-error', probe: { server: 'hidden', masterRealm: true } });
    expect(fetch).toHaveBeenCalledWith(
      'https://auth.example.org/realms/master/.well-known/openid-configuration',
      expect.objectContaining({ credentials: 'omit' }),
    );
  });

  it('reports a server that does not answer at all as unreachable, without asking the master realm', async () => {
    const fetch = vi.fn(failing);
    const result = await fetchDiscovery(authority, { fetch });
    expect(result).toMatchObject({ probe: { server: 'unreachable', masterRealm: false } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
