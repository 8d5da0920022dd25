import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEVICE_CLIENT_ID } from '../devstack/clients.ts';
import { setupBrowserSession } from './support/session.ts';

/**
 * The flows of the clients that are not the portal, as their developers run them, with curl:
 * a service (client credentials) and a command-line tool (device authorization, the user approving
 * in a browser). Against the embedded IdP and the real Keycloak alike.
 */
const session = setupBrowserSession();
const run = promisify(execFile);

async function curlJson(args: string[]): Promise<{ status: number; body: Record<string, unknown> }> {
  const { stdout } = await run('curl', [
    '--silent',
    '--show-error',
    '--write-out',
    '\n%{http_code}',
    ...args,
  ]);
  const cut = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, cut);
  return {
    status: Number(stdout.slice(cut + 1)),
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

const bearer = (token: unknown) => ['--header', `Authorization: Bearer ${String(token)}`];

/** What a user does with the verification URL a device shows: code (if asked), sign-in, consent. */
async function approveDevice(page: Page, url: string, username: string) {
  await page.goto(url);
  for (let step = 0; step < 6; step += 1) {
    if ((await page.getByText('Device Login Successful').count()) > 0) return;
    if ((await page.getByLabel('Password', { exact: true }).count()) > 0) {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password', { exact: true }).fill(username);
      await page.getByRole('button', { name: 'Sign In' }).click();
    } else if ((await page.getByRole('button', { name: 'Yes' }).count()) > 0) {
      await page.getByRole('button', { name: 'Yes' }).click();
    } else {
      await page.getByRole('button', { name: 'Submit' }).click();
    }
    await page.waitForLoadState();
  }
  throw new Error(`The device approval did not finish: ${await page.locator('body').textContent()}`);
}

describe('client credentials (a service calling the API without a user)', () => {
  it("gets a token with the client's secret, and its service account (role therapist) may call the API", async () => {
    const { stack } = session;
    const service = stack.serviceClient;
    if (service === undefined) throw new Error('the local realm names its service client');
    const token = await curlJson([
      '--user',
      `${service.clientId}:${service.secret}`,
      '--data',
      'grant_type=client_credentials',
      `${stack.issuer}/protocol/openid-connect/token`,
    ]);
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
    expect(token.body.refresh_token).toBeUndefined();

    const patients = await curlJson([...bearer(token.body.access_token), `${stack.apiUrl}/api/v1/patients`]);
    expect(patients.status).toBe(200);
    const me = await curlJson([...bearer(token.body.access_token), `${stack.apiUrl}/api/v1/me`]);
    expect(me.body).toMatchObject({ preferred_username: `service-account-${service.clientId}` });
  });

  it("refuses a wrong secret in Keycloak's words", async () => {
    const { stack } = session;
    const refused = await curlJson([
      '--user',
      `${stack.serviceClient?.clientId}:not-the-secret`,
      '--data',
      'grant_type=client_credentials',
      `${stack.issuer}/protocol/openid-connect/token`,
    ]);
    expect(refused).toEqual({
      status: 401,
      body: {
        error: 'unauthorized_client',
        error_description: 'Invalid client or Invalid client credentials',
      },
    });
  });
});

describe('device authorization (a command-line tool)', () => {
  it('polls while the user has not approved, then gets tokens that call the API as that user', async () => {
    const { stack, page } = session;
    const device = await curlJson([
      '--data',
      `client_id=${DEVICE_CLIENT_ID}&scope=openid`,
      `${stack.issuer}/protocol/openid-connect/auth/device`,
    ]);
    expect(device.status).toBe(200);
    expect(device.body).toMatchObject({
      device_code: expect.any(String),
      user_code: expect.stringMatching(/^[A-Z]{4}-[A-Z]{4}$/),
      verification_uri: `${stack.issuer}/device`,
      verification_uri_complete: expect.stringContaining(`${stack.issuer}/device?user_code=`),
    });
    const poll = () =>
      curlJson([
        '--data',
        `grant_type=urn:ietf:params:oauth:grant-type:device_code&client_id=${DEVICE_CLIENT_ID}&device_code=${String(device.body.device_code)}`,
        `${stack.issuer}/protocol/openid-connect/token`,
      ]);
    const pending = await poll();
    expect(pending).toMatchObject({ status: 400, body: { error: 'authorization_pending' } });

    await approveDevice(page, String(device.body.verification_uri_complete), 'therapist');
    // RFC 8628 §3.5: a client polls no faster than `interval` seconds (Keycloak answers slow_down).
    await new Promise((resolve) => setTimeout(resolve, Number(device.body.interval ?? 5) * 1000));
    const tokens = await poll();
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
    });
    const me = await curlJson([...bearer(tokens.body.access_token), `${stack.apiUrl}/api/v1/me`]);
    expect(me).toMatchObject({
      status: 200,
      body: { preferred_username: 'therapist', azp: DEVICE_CLIENT_ID },
    });
  });
});
