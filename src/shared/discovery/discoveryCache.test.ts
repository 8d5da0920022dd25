import { describe, expect, it, vi } from 'vitest';
import { discoveryOf, forgetDiscovery, knowDiscovery, metadataOf, realmMetadata } from './discoveryCache.ts';
import type { DiscoveryFetch } from './fetchDiscovery.ts';

const url = 'https://auth.example.org/auth/realms/abrumet/.well-known/openid-configuration';
const answer = (status: number, body: string): DiscoveryFetch => ({
  kind: 'response',
  url,
  finalUrl: url,
  status,
  contentType: 'application/json',
  body,
});

describe('metadataOf', () => {
  it('reads the document of a 200 JSON answer with an issuer', () => {
    expect(metadataOf(answer(200, '{"issuer":"https://i"}'))).toEqual({ issuer: 'https://i' });
  });

  it.each<[string, DiscoveryFetch]>([
    ['an error status', answer(404, '{"issuer":"https://i"}')],
    ['HTML', answer(200, '<html></html>')],
    ['JSON without an issuer', answer(200, '{"status":"UP"}')],
    ['no answer', { kind: 'network-error', url, message: 'Failed to fetch' }],
  ])('has none in %s', (_case, result) => {
    expect(metadataOf(result)).toBeNull();
  });
});

describe('discoveryOf', () => {
  it('asks each realm once per page, again after forgetDiscovery', async () => {
    const authority = 'https://once.example/realms/abrumet';
    const fetchImpl = vi.fn(async () => new Response('{"issuer":"https://once.example/realms/abrumet"}'));
    await Promise.all([discoveryOf(authority, fetchImpl), discoveryOf(authority, fetchImpl)]);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    forgetDiscovery(authority);
    await discoveryOf(authority, fetchImpl);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('answers from a document the page already holds, without asking', async () => {
    const authority = 'https://known.example/realms/abrumet';
    const fetchImpl = vi.fn(async () => new Response('{}', { status: 500 }));
    knowDiscovery(authority, { issuer: authority });
    expect(await realmMetadata(authority)).toEqual({ issuer: authority });
    expect(metadataOf(await discoveryOf(authority, fetchImpl))).toEqual({ issuer: authority });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
