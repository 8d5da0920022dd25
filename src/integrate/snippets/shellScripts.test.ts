/// <reference types="node" />
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { local } from '../../test/environments.ts';
import { realmEndpoints } from '../realmEndpoints.ts';
import { clientCredentialsScript } from './clientCredentials.ts';
import { deviceFlowScript } from './deviceFlow.ts';
import type { GuideInput } from './snippet.ts';

/*
 * The guide's shell scripts, run with sh, curl and jq against a scripted realm and API on
 * 127.0.0.1: the answers a real realm gives only now and then (slow_down, access_denied) on demand,
 * and a `sleep` that records how long the script would wait instead of waiting. The real realms run
 * the same scripts in tests/integrate.test.ts.
 */

interface Heard {
  path: string;
  authorization: string | undefined;
  form: URLSearchParams;
}

let server: Server;
let base = '';
let heard: Heard[] = [];
/** The token endpoint's answers, in order (the last one repeats). */
let tokenAnswers: Array<[number, object]> = [];

const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => resolve(body));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const path = request.url ?? '';
    heard.push({
      path,
      authorization: request.headers.authorization,
      form: new URLSearchParams(await read(request)),
    });
    const json = (status: number, body: object) =>
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (path.endsWith('/auth/device')) {
      json(200, {
        device_code: 'the-device-code',
        user_code: 'WDJB-MJHT',
        verification_uri: `${base}/device`,
        verification_uri_complete: `${base}/device?user_code=WDJB-MJHT`,
        expires_in: 600,
        interval: 2,
      });
    } else if (path.endsWith('/token')) {
      const [status, body] = tokenAnswers.shift() ?? [500, {}];
      if (tokenAnswers.length === 0) tokenAnswers.push([status, body]);
      json(status, body);
    } else {
      json(200, { authorization: request.headers.authorization });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir = '';
afterEach(() => {
  heard = [];
  rmSync(dir, { recursive: true, force: true });
});

const input = (clientId: string): GuideInput => {
  const authority = `${base}/auth/realms/abrumet`;
  const environment = { ...local, authority, api: { ...local.api, baseUrl: base } };
  return { environment, endpoints: realmEndpoints(null, authority), clientId, redirectUri: '' };
};

/** Runs a script with sh; `sleep` only writes down its argument. */
function run(script: string, env: Record<string, string> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'guide-sh-'));
  writeFileSync(join(dir, 'sleep'), `#!/bin/sh\necho "$1" >> "${dir}/sleeps"\n`);
  chmodSync(join(dir, 'sleep'), 0o755);
  writeFileSync(join(dir, 'script.sh'), script);
  const environment = { PATH: `${dir}:${process.env.PATH ?? ''}`, HOME: dir, ...env };
  return new Promise<{ code: number; stdout: string; stderr: string; sleeps: string[] }>((resolve) => {
    execFile('sh', [join(dir, 'script.sh')], { env: environment }, (error, stdout, stderr) => {
      let sleeps: string[] = [];
      try {
        sleeps = readFileSync(join(dir, 'sleeps'), 'utf8').trim().split('\n');
      } catch {
        // it never slept
      }
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, sleeps });
    });
  });
}

const token = { access_token: 'an-access-token', token_type: 'Bearer', expires_in: 300 };

describe('clientCredentialsScript', () => {
  it('authenticates with the client ID and $CLIENT_SECRET (HTTP Basic), then calls the API with the token', async () => {
    tokenAnswers = [[200, token]];
    const result = await run(clientCredentialsScript(input('abrumet-service')).code, {
      CLIENT_SECRET: 's3cret',
    });
    expect(result.code, result.stderr).toBe(0);
    const [asked, called] = heard;
    expect(asked?.authorization).toBe(`Basic ${btoa('abrumet-service:s3cret')}`);
    expect(asked?.form.get('grant_type')).toBe('client_credentials');
    expect(called?.path).toBe('/api/v1/me');
    expect(result.stdout).toContain('"authorization":"Bearer an-access-token"');
    expect(result.stderr).toContain('Got a token for abrumet-service, valid for 300 s.');
  });

  it('asks for $CLIENT_SECRET, and sends nothing, when it is not set', async () => {
    const result = await run(clientCredentialsScript(input('abrumet-service')).code);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Set CLIENT_SECRET to the secret of abrumet-service');
    expect(heard).toEqual([]);
  });

  it("stops with the realm's words when it refuses, and calls no API", async () => {
    tokenAnswers = [[401, { error: 'unauthorized_client', error_description: 'Invalid client credentials' }]];
    const result = await run(clientCredentialsScript(input('abrumet-service')).code, {
      CLIENT_SECRET: 'wrong',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The realm refused: {"error":"unauthorized_client"');
    expect(heard.map((request) => request.path)).toEqual([
      '/auth/realms/abrumet/protocol/openid-connect/token',
    ]);
  });

  it('keeps a client ID with shell characters literal', async () => {
    tokenAnswers = [[200, token]];
    const clientId = `it's $(touch pwned) "me"`;
    const result = await run(clientCredentialsScript(input(clientId)).code, { CLIENT_SECRET: 'x' });
    expect(result.code, result.stderr).toBe(0);
    expect(heard[0]?.authorization).toBe(`Basic ${btoa(`${clientId}:x`)}`);
  });
});

describe('deviceFlowScript', () => {
  it('shows where to approve, waits the interval before each poll and 5 s more after slow_down, then calls the API', async () => {
    tokenAnswers = [
      [400, { error: 'authorization_pending' }],
      [400, { error: 'slow_down' }],
      [200, { ...token, refresh_token: 'a-refresh-token' }],
    ];
    const result = await run(deviceFlowScript(input('abrumet-cli')).code);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `Open ${base}/device?user_code=WDJB-MJHT\nand approve the code WDJB-MJHT.`,
    );
    expect(result.sleeps).toEqual(['2', '2', '7']);
    const [device, ...polls] = heard;
    expect(Object.fromEntries(device?.form ?? [])).toEqual({ client_id: 'abrumet-cli', scope: local.scope });
    expect(Object.fromEntries(polls[0]?.form ?? [])).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: 'abrumet-cli',
      device_code: 'the-device-code',
    });
    expect(polls.map((request) => request.path.split('/').pop())).toEqual(['token', 'token', 'token', 'me']);
    expect(result.stdout).toContain('"authorization":"Bearer an-access-token"');
    expect(result.stdout + result.stderr).not.toContain('a-refresh-token');
  });

  it.each([
    ['access_denied', 'the user said no'],
    ['expired_token', 'the user was too late'],
  ])("stops on %s (%s) with the realm's words, and calls no API", async (error) => {
    tokenAnswers = [[400, { error }]];
    const result = await run(deviceFlowScript(input('abrumet-cli')).code);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The realm refused: {"error":"${error}"}`);
    expect(heard.some((request) => request.path === '/api/v1/me')).toBe(false);
  });
});
