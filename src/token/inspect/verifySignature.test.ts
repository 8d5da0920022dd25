import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { b64url } from '../../test/fakeJwt.ts';
import { verifySignature } from './verifySignature.ts';

const authority = 'https://auth.example.org/auth/realms/abrumet';
let token: string;
let foreign: string;
let fakeFetch: typeof fetch;

beforeAll(async () => {
  const realm = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(realm.publicKey)), kid: 'realm-key', alg: 'RS256', use: 'sig' };
  token = await new SignJWT({ sub: 'u', exp: 1 })
    .setProtectedHeader({ alg: 'RS256', kid: 'realm-key' })
    .sign(realm.privateKey);
  foreign = await new SignJWT({ sub: 'u' })
    .setProtectedHeader({ alg: 'RS256', kid: 'other-key' })
    .sign(other.privateKey);
  const documents: Record<string, unknown> = {
    [`${authority}/.well-known/openid-configuration`]: {
      issuer: authority,
      jwks_uri: `${authority}/protocol/openid-connect/certs`,
    },
    [`${authority}/protocol/openid-connect/certs`]: { keys: [jwk] },
  };
  fakeFetch = async (input) => {
    const body = documents[String(input)];
    return body ? Response.json(body) : new Response('not found', { status: 404 });
  };
});

describe('verifySignature', () => {
  it("accepts a token signed by the realm's key, whatever its expiry", async () => {
    await expect(verifySignature(token, authority, { fetch: fakeFetch })).resolves.toEqual({
      kind: 'valid',
      alg: 'RS256',
      kid: 'realm-key',
    });
  });

  it('rejects a token whose payload was altered', async () => {
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${b64url({ sub: 'admin', exp: 1 })}.${signature}`;
    await expect(verifySignature(tampered, authority, { fetch: fakeFetch })).resolves.toMatchObject({
      kind: 'invalid',
    });
  });

  it('says when no realm key matches (a token from another realm)', async () => {
    await expect(verifySignature(foreign, authority, { fetch: fakeFetch })).resolves.toMatchObject({
      kind: 'no-key',
    });
  });

  it('calls out an unsigned token', async () => {
    const unsigned = `${b64url({ alg: 'none' })}.${b64url({ sub: 'u' })}.`;
    await expect(verifySignature(unsigned, authority, { fetch: fakeFetch })).resolves.toMatchObject({
      kind: 'alg-none',
    });
  });

  it('explains when the keys cannot be fetched', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await verifySignature(token, authority, { fetch: down });
    expect(result.kind).toBe('unavailable');
    expect(result.kind !== 'valid' && result.message).toContain('Failed to fetch');
  });
});
