import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnvironmentConfig } from '../config/types.ts';
import { ServerTimeProvider } from '../shared/serverTime.tsx';
import { UNMEASURED } from '../shared/token/serverClock.ts';
import { sessionTokens } from '../shared/token/sessionTokens.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { RequestPane } from './RequestPane.tsx';

const ISSUER = 'http://127.0.0.1:8180/auth/realms/abrumet';
const API = 'http://127.0.0.1:8181';
/** The injected clock: tokens are dated from it, so verdicts and time left are exact. */
const NOW_MS = Math.floor(Date.now() / 1000) * 1000;
let clockMs = NOW_MS;
const now = () => clockMs;
afterEach(() => {
  clockMs = NOW_MS;
  vi.useRealTimers();
});
const nowSeconds = Math.floor(NOW_MS / 1000);
const claims = (roles: string[], extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  sub: 'sub-1',
  preferred_username: roles.includes('therapist') ? 'therapist' : 'patient',
  typ: 'Bearer',
  aud: 'abrumet-api',
  jti: 'jti-1',
  exp: nowSeconds + 300,
  realm_access: { roles },
  ...extra,
});
const access = fakeJwt(claims(['therapist']));
const raw = {
  access,
  id: fakeJwt(claims(['therapist'], { typ: 'ID' })),
  previous: fakeJwt(claims(['therapist'], { exp: nowSeconds - 42, jti: 'jti-0' })),
};
const tokens = sessionTokens({ access, id: raw.id, earlier: [raw.previous] });

const environment = (patch: Partial<EnvironmentConfig> = {}): EnvironmentConfig => ({
  id: 'local',
  label: 'Local',
  production: false,
  authority: ISSUER,
  clientId: 'abrumet-portal',
  redirectUri: '/callback/local',
  scope: 'openid',
  tokenStore: 'session',
  realmTimeoutSeconds: 15,
  api: { baseUrl: API, allowedOrigins: [API], requiredRole: 'therapist', audience: 'abrumet-api' },
  presets: [
    { name: 'Who am I', method: 'GET', path: '/api/v1/me' },
    { name: 'List patients', method: 'GET', path: '/api/v1/patients', requiredRole: 'therapist' },
    {
      name: 'Create patient',
      method: 'POST',
      path: '/api/v1/patients',
      body: '{"name":"Ada"}',
      requiredRole: 'therapist',
    },
  ],
  ...patch,
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A fake of the demo API: it answers by the bearer it gets, as RFC 6750 says. */
const fakeApi = () =>
  vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization');
    const challenge = (description: string) => ({
      'WWW-Authenticate': `Bearer realm="abrumet", error="invalid_token", error_description="${description}"`,
    });
    if (!auth) return json(401, { error: 'unauthorized' }, { 'WWW-Authenticate': 'Bearer realm="abrumet"' });
    const token = auth.replace(/^Bearer /, '');
    if (token === access) return json(200, { preferred_username: 'therapist', roles: ['therapist'] });
    if (token === raw.previous) return json(401, {}, challenge('Token expired'));
    if (token === raw.id) return json(401, {}, challenge('Not an access token (typ ID)'));
    return json(401, {}, challenge('Signature invalid'));
  });

const renderPane = (props: Partial<Parameters<typeof RequestPane>[0]> = {}) => {
  const fetch = props.fetch ?? fakeApi();
  const ui = (view: 'call' | 'matrix') => (
    <StrictMode>
      <ServerTimeProvider clock={UNMEASURED} now={now}>
        <RequestPane environment={environment()} tokens={tokens} fetch={fetch} {...props} view={view} />
      </ServerTimeProvider>
    </StrictMode>
  );
  const { rerender } = render(ui(props.view ?? 'call'));
  return {
    fetch: fetch as ReturnType<typeof fakeApi>,
    user: userEvent.setup(),
    /** The shell's switch to the Matrix section, which "Run the unauthorized matrix" asks for. */
    showMatrix: () => rerender(ui('matrix')),
    showCall: () => rerender(ui('call')),
  };
};
/** Runs the draft as the matrix from the request section, then looks where the shell goes: Matrix. */
const runUnauthorizedMatrix = async (pane: ReturnType<typeof renderPane>) => {
  await pane.user.click(screen.getByRole('button', { name: 'Run the unauthorized matrix' }));
  expect(window.location.hash).toBe('#matrix');
  pane.showMatrix();
};
const sentHeaders = (fetch: ReturnType<typeof fakeApi>, call = 0) =>
  new Headers(fetch.mock.calls[call]?.[1]?.headers);
const send = () => screen.getByRole('button', { name: 'Send' });
const response = () => screen.findByRole('region', { name: 'Response' });

describe('RequestPane', () => {
  it('sends the current token to the API and shows 200, the verdict and the JSON', async () => {
    const { fetch, user } = renderPane();
    await user.click(send());
    const shown = await response();
    expect(within(shown).getByTestId('response-status').textContent).toBe('200');
    expect(shown.textContent).toContain('200: the API accepted the request');
    await waitFor(() => expect(shown.textContent).toContain('"preferred_username": "therapist"'));
    expect(fetch.mock.calls[0]?.[0]).toBe(`${API}/api/v1/me`);
    expect(sentHeaders(fetch).get('authorization')).toBe(`Bearer ${access}`);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ redirect: 'manual', credentials: 'omit' });
  });

  it('previews the exact headers with the token masked, and who the token is', () => {
    renderPane();
    const preview = screen.getByTestId('headers-preview');
    expect(preview.textContent).toContain(`GET ${API}/api/v1/me`);
    expect(preview.textContent).toContain(`Authorization: Bearer ${access.slice(0, 10)}…`);
    expect(preview.textContent).not.toContain(access);
    const who = screen.getByText(/sub-1/).closest('p');
    expect(who?.textContent).toMatch(/roles: therapist, expires in 5 min/);
  });

  it('records history without the token, and reopens it', async () => {
    const { user } = renderPane();
    await user.click(send());
    await response();
    const history = screen.getByRole('region', { name: /History of this tab/ });
    expect(history.textContent).toMatch(/200 ?GET/);
    expect(history.textContent).toContain('therapist, sub sub-1, jti jti-1, expires in 5 min when sent');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(access);
    await user.clear(screen.getByRole('textbox', { name: /URL/ }));
    await user.click(within(history).getByRole('button', { name: 'Reopen' }));
    expect(screen.getByRole('textbox', { name: /URL/ })).toHaveProperty('value', '/api/v1/me');
  });

  it('never shows a failed fetch as a 401', async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    const { user } = renderPane({ fetch });
    await user.click(send());
    const shown = await response();
    expect(shown.textContent).toContain(
      'No response: the API is down, or CORS blocked it (the request may still have reached the server)',
    );
    expect(shown.textContent).toContain("curl --include 'http://127.0.0.1:8181/api/v1/me'");
    expect(within(shown).getByTestId('response-status').textContent).toBe('No response');
    expect(shown.querySelector('[data-kind="no-response"]')?.textContent).not.toMatch(/\b401\b/);
  });

  it('points at invalid JSON and sends it only on purpose', async () => {
    const { fetch, user } = renderPane();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'POST');
    const body = screen.getByRole('textbox', { name: 'Request body' });
    await user.type(body, '{{"name": "Ada",{enter}}');
    expect(screen.getByText(/Invalid JSON: .* at line 2, column 1/)).toBeTruthy();
    await user.click(send());
    expect(screen.getByRole('alert').textContent).toMatch(/Not sent: The body is not valid JSON/);
    expect(fetch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Send as text anyway' }));
    await response();
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{"name": "Ada",\n}');
  });

  it('case 33: asks before the bearer goes to an origin off the allowlist, once per session', async () => {
    const { fetch, user } = renderPane();
    const url = screen.getByRole('textbox', { name: /URL/ });
    await user.clear(url);
    await user.type(url, 'http://127.0.0.1:9999/echo');
    await user.click(send());
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Send your token to http://127.0.0.1:9999?');
    expect(fetch).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole('button', { name: 'Send without the token' }));
    await response();
    expect(sentHeaders(fetch, 0).has('authorization')).toBe(false);

    await user.click(send());
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: /Send the token to/ }),
    );
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(sentHeaders(fetch, 1).get('authorization')).toBe(`Bearer ${access}`);

    await user.click(send());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it("case 34: never sends this environment's token to another environment's API, not even once confirmed", async () => {
    const production = environment({
      id: 'production',
      label: 'Production',
      api: {
        baseUrl: 'https://api.abrumet.example',
        allowedOrigins: ['https://api.abrumet.example'],
        requiredRole: 'therapist',
      },
    });
    // A yes given in this tab for that origin while on another environment counts for nothing here.
    sessionStorage.setItem(
      'abrumet.bearer-origins.acceptance',
      JSON.stringify(['https://api.abrumet.example']),
    );
    const pane = renderPane({ otherEnvironments: [production] });
    const { fetch, user } = pane;
    const url = screen.getByRole('textbox', { name: /URL/ });
    await user.clear(url);
    await user.type(url, 'https://api.abrumet.example/api/v1/me');
    // The exact-request preview says so before anything is sent.
    expect(screen.getByRole('region', { name: 'Exact request' }).textContent).toContain(
      'is the Production API',
    );
    await user.click(send());
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      "Not sent: https://api.abrumet.example is the Production API: a Local token never goes to another environment's API, confirmed or not.",
    );
    expect(alert.textContent).toContain('Switch to that environment in the header');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The matrix sends there only what carries no token (its "No token" column), never a bearer.
    await runUnauthorizedMatrix(pane);
    await waitFor(() => expect(screen.getByTestId('matrix-summary').textContent).toMatch(/not sent/));
    const sentHeaders = fetch.mock.calls.map(
      ([, init]) => new Headers((init as RequestInit | undefined)?.headers),
    );
    expect(sentHeaders.every((headers) => !headers.has('authorization'))).toBe(true);
  });

  it('case 34: remembers a confirmed origin for this environment only', async () => {
    const { user } = renderPane();
    const url = screen.getByRole('textbox', { name: /URL/ });
    await user.clear(url);
    await user.type(url, 'http://127.0.0.1:9999/echo');
    await user.click(send());
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: /Send the token to/ }),
    );
    await response();
    expect(JSON.parse(sessionStorage.getItem('abrumet.bearer-origins.local') ?? '[]')).toEqual([
      'http://127.0.0.1:9999',
    ]);
    expect(sessionStorage.getItem('abrumet.bearer-origins')).toBeNull();
  });

  it('case 41: an answer whose body never ends shows as the 200 it was, cut at the timeout', async () => {
    const endless = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(new TextEncoder().encode('{"row":1},'));
      },
    });
    const fetch = vi.fn(
      async () => new Response(endless, { status: 200, headers: { 'Content-Type': 'text/plain' } }),
    );
    const { user } = renderPane({ fetch, timeoutMs: 200 });
    await user.click(send());
    const shown = await response();
    await waitFor(() => expect(within(shown).getByTestId('response-status').textContent).toBe('200'));
    expect(within(shown).getByTestId('body-cut').textContent).toContain(
      'The API answered 200, but its body kept coming until the timeout',
    );
    expect(shown.textContent).not.toContain('No answer within');
  });

  it('case 42: an API that echoes Authorization gets the token shown masked, never in full', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get('authorization') ?? '';
      return json(200, { headers: { authorization }, also: raw.id }, { 'X-Echo': authorization });
    });
    const { user } = renderPane({ fetch });
    await user.click(send());
    const shown = await response();
    await waitFor(() => expect(shown.textContent).toContain('[the token you sent, masked:'));
    expect(shown.textContent).toContain('[your ID token, masked:');
    await user.click(within(shown).getByRole('button', { name: 'Show as received' }));
    expect(document.body.textContent).not.toContain(access);
    expect(document.body.textContent).not.toContain(raw.id);
  });

  it('refuses to send a bearer over plain http to a remote host', async () => {
    const { fetch, user } = renderPane();
    const url = screen.getByRole('textbox', { name: /URL/ });
    await user.clear(url);
    await user.type(url, 'http://api.example.org/x');
    await user.click(send());
    expect(screen.getByRole('alert').textContent).toContain('not sent over plain http');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('runs the unauthorized matrix on the draft: 200 / 401 / 401 / 401 / 401, each explained', async () => {
    const pane = renderPane();
    const { user } = pane;
    await runUnauthorizedMatrix(pane);
    const table = screen.getByRole('table', { name: 'Authorization matrix' });
    await waitFor(() => expect(within(table).getAllByText('401')).toHaveLength(4));
    const statuses = [...table.querySelectorAll('.rq-mx-cell__status')].map((cell) => cell.textContent);
    expect(statuses).toEqual(['200', '401', '401', '401', '401']);
    const explained = async (column: string) => {
      await user.click(within(table).getByRole('button', { name: new RegExp(`^${column}, `) }));
      return screen.getByTestId('matrix-cell-detail').textContent;
    };
    expect(await explained('No token')).toContain('No token was sent');
    expect(await explained('Expired token')).toContain('The token expired 42 s before the request');
    expect(await explained('Tampered signature')).toContain('Signature rejected');
    expect(await explained('ID token instead')).toContain('Wrong token type: an ID token was sent');
  });

  it('never sends a valid token as the expired one: says when one expires, and skips it in the matrix', async () => {
    const earlyValid = fakeJwt(claims(['therapist'], { exp: nowSeconds + 60, jti: 'jti-0' }));
    const pane = renderPane({
      tokens: sessionTokens({ access, id: raw.id, earlier: [earlyValid] }),
    });
    const { fetch, user } = pane;
    expect(screen.getByRole('radio', { name: 'Expired token' })).toHaveProperty('disabled', true);
    expect(
      screen.getByText(/None of this tab's tokens has expired yet; the current one expires in 5 min/),
    ).toBeTruthy();
    await runUnauthorizedMatrix(pane);
    const table = screen.getByRole('table', { name: 'Authorization matrix' });
    await waitFor(() => expect(within(table).getAllByText('401')).toHaveLength(3));
    await user.click(within(table).getByRole('button', { name: /^Expired token, .*: not sent/ }));
    expect(screen.getByTestId('matrix-cell-detail').textContent).toMatch(
      /Not sent: none of this tab's tokens had expired when it ran; the current one expires in 5 min/,
    );
    const sent = fetch.mock.calls.map((call) => new Headers(call[1]?.headers).get('authorization'));
    expect(sent).not.toContain(`Bearer ${earlyValid}`);
  });

  it('sends with the current token once it is past the API’s clock leeway, when asked to', async () => {
    vi.useFakeTimers({ now: NOW_MS });
    const fetch = fakeApi();
    fetch.mockImplementationOnce(async () =>
      json(
        401,
        {},
        { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="Token expired"' },
      ),
    );
    render(
      <StrictMode>
        <ServerTimeProvider clock={UNMEASURED} now={now}>
          <RequestPane
            environment={environment({ api: { ...environment().api, clockLeewaySeconds: 5 } })}
            tokens={sessionTokens({ access })}
            fetch={fetch}
          />
        </ServerTimeProvider>
      </StrictMode>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send when it expires' }));
    expect(screen.getByText(/Sends with the expired token at/).textContent).toContain(
      "7 s after it expires: the API's 5 s clock leeway (api.clockLeewaySeconds) and 2 s of margin",
    );
    // At exp + 5 s the API (leeway 5 s) would still accept it: nothing leaves yet.
    clockMs = NOW_MS + 305_000;
    await vi.advanceTimersByTimeAsync(305_000);
    expect(fetch).not.toHaveBeenCalled();
    clockMs = NOW_MS + 307_000;
    await vi.advanceTimersByTimeAsync(2_000);
    vi.useRealTimers();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sentHeaders(fetch).get('authorization')).toBe(`Bearer ${access}`);
    const shown = await response();
    expect(shown.textContent).toContain('The token expired 7 s before the request');
    expect(shown.textContent).toContain('Expired token');
  });

  it('retires the previous answer while a slow request is on its way', async () => {
    const fetch = fakeApi();
    const { user } = renderPane({ fetch });
    await user.click(send());
    await response();
    fetch.mockImplementationOnce(() => new Promise<Response>(() => {}));
    await user.click(send());
    expect(screen.queryByRole('region', { name: 'Response' })).toBeNull();
    const previous = screen.getByRole('region', { name: 'Previous response' });
    expect(previous.textContent).toContain('This is the answer to the previous request');
  });

  it('clears the single answer when a matrix run starts', async () => {
    const pane = renderPane();
    await pane.user.click(send());
    await response();
    await runUnauthorizedMatrix(pane);
    expect(screen.queryByRole('region', { name: 'Response' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Previous response' })).toBeNull();
  });

  it('explains a 403 for a patient as the missing role, warned beside Send, sent with one click', async () => {
    const patient = fakeJwt(claims(['patient']));
    const fetch = vi.fn(async () =>
      json(403, {}, { 'WWW-Authenticate': 'Bearer realm="abrumet", error="insufficient_scope"' }),
    );
    const { user } = renderPane({ fetch, tokens: sessionTokens({ access: patient }) });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'List patients');
    expect(screen.getByRole('note', { name: '' }).textContent).toMatch(
      /“List patients” needs the realm role “therapist”.*Send sends it anyway/,
    );
    await user.click(send());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const shown = await response();
    expect(shown.textContent).toContain('The token lacks the realm role “therapist”');
    expect(shown.textContent).toMatch(/Sign in as a user with the realm role “therapist”/);
  });

  it('case 43: asks before a mutating request in production', async () => {
    const { fetch, user } = renderPane({ environment: environment({ production: true }) });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Preset' }), 'Create patient');
    await user.click(send());
    expect(screen.getByRole('alertdialog').textContent).toContain('This is PRODUCTION: POST');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('sends with Ctrl+Enter and cancels a request in flight', async () => {
    const fetch = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const { user } = renderPane({ fetch });
    await user.click(screen.getByRole('textbox', { name: /URL/ }));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    const shown = await response();
    expect(shown.textContent).toContain('Cancelled');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('copies as curl with a $TOKEN placeholder by default', async () => {
    renderPane();
    const command = screen.getByText(/^curl --include/);
    expect(command.textContent).toContain('"Authorization: Bearer $TOKEN"');
    expect(command.textContent).not.toContain(access);
  });

  it('sends a pasted token, and never keeps it in history', async () => {
    const pasted = fakeJwt(claims(['therapist'], { jti: 'pasted-jti' }));
    const { fetch, user } = renderPane();
    await user.click(screen.getByRole('radio', { name: 'Pasted token' }));
    await user.click(screen.getByRole('textbox', { name: /Token to paste/ }));
    await user.paste(`Bearer ${pasted}`);
    await user.click(send());
    await response();
    expect(sentHeaders(fetch).get('authorization')).toBe(`Bearer ${pasted}`);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(pasted);
  });
});
