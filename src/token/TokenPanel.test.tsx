import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { User } from 'oidc-client-ts';
import { type ComponentProps, createElement, StrictMode } from 'react';
import { AuthContext, type AuthContextProps } from 'react-oidc-context';
import { describe, expect, it, vi } from 'vitest';
import type { EnvironmentConfig } from '../config/types.ts';
import { ServerTimeProvider } from '../shared/serverTime.tsx';
import { UNMEASURED } from '../shared/token/serverClock.ts';
import { type SessionTokens, sessionTokens } from '../shared/token/sessionTokens.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import type { Verify } from './inspect/useSignatureCheck.ts';
import { createEventLog } from './session/sessionEvents.ts';
import { useRefresh } from './session/useRefresh.ts';
import type { TokenSession } from './session/useTokenSession.ts';
import { TokenPanel } from './TokenPanel.tsx';

/** Counts the claims tables' renders: the panel must not re-render them on the clock's tick. */
const claimsTable = vi.hoisted(() => ({ renders: 0 }));
vi.mock('./inspect/ClaimsTable.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('./inspect/ClaimsTable.tsx')>();
  return {
    ClaimsTable: (props: ComponentProps<typeof real.ClaimsTable>) => {
      claimsTable.renders += 1;
      return createElement(real.ClaimsTable, props);
    },
  };
});

const issuer = 'https://auth.example.org/auth/realms/abrumet';
const environment: EnvironmentConfig = {
  id: 'acceptance',
  label: 'Acceptance',
  production: false,
  authority: issuer,
  clientId: 'portal',
  redirectUri: '/callback/acceptance',
  scope: 'openid',
  api: {
    baseUrl: 'https://api.example.org',
    allowedOrigins: ['https://api.example.org'],
    requiredRole: 'therapist',
    audience: 'abrumet-api',
  },
  presets: [],
  tokenStore: 'session',
  realmTimeoutSeconds: 15,
};
const now = Math.floor(Date.now() / 1000);
const session: TokenSession = { log: createEventLog(), earlier: [], record: vi.fn(), markTrigger: vi.fn() };

/** The realm's keys, faked: the tests say what the signature check finds. */
const realmKeysAccept: Verify = async () => ({ kind: 'valid', alg: 'RS256', kid: 'k1' });

function renderPanel(
  accessToken: string,
  refreshToken = 'opaque-refresh-token-value',
  verify: Verify = realmKeysAccept,
) {
  const user = new User({
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'Bearer',
    profile: { sub: 'u1', iss: issuer, aud: 'portal', exp: now + 300, iat: now },
    expires_at: now + 300,
  });
  // A refresh that comes back with the very same token (a caching gateway does that).
  const signinSilent = vi.fn(async () => user);
  const auth = { events: {}, user, signinSilent, signinRedirect: vi.fn() } as unknown as AuthContextProps;
  const rendered = render(
    <StrictMode>
      <AuthContext.Provider value={auth}>
        <ServerTimeProvider clock={UNMEASURED}>
          <Panel auth={auth} user={user} tokens={sessionTokens({ access: accessToken })} verify={verify} />
        </ServerTimeProvider>
      </AuthContext.Provider>
    </StrictMode>,
  );
  return { ...rendered, signinSilent };
}

/** The panel as the shell gives it: with the model's one refresh (useRefresh). */
function Panel({
  auth,
  user,
  tokens,
  verify,
}: {
  auth: AuthContextProps;
  user: User;
  tokens: SessionTokens;
  verify: Verify;
}) {
  const refresh = useRefresh(auth, session, tokens.access);
  return (
    <TokenPanel
      user={user}
      environment={environment}
      session={session}
      tokens={tokens}
      refresh={refresh}
      verify={verify}
    />
  );
}

const payload = {
  iss: issuer,
  sub: 'u1',
  exp: now + 300,
  iat: now,
  typ: 'Bearer',
  aud: 'abrumet-api',
  realm_access: { roles: ['therapist'] },
};
const verdict = () => screen.getByTestId('verdict').textContent;

describe('TokenPanel', () => {
  it('says a good token can call the API right now', () => {
    renderPanel(fakeJwt(payload));
    expect(verdict()).toContain('This token can call the API right now');
  });

  it('never says yes for an expired token, and says how long ago it expired', () => {
    renderPanel(fakeJwt({ ...payload, iat: now - 400, exp: now - 100 }));
    expect(verdict()).toContain('This token cannot call the API right now');
    expect(verdict()).toMatch(/it expired 1 min \d+ s ago/);
    expect(verdict()).toContain('Refresh the token');
  });

  it('withholds the yes from a token without the audience config.json names', () => {
    renderPanel(fakeJwt({ ...payload, aud: 'account' }));
    expect(verdict()).toContain("its audience (aud) is “account”, not the API's “abrumet-api”");
  });

  it('does not count a client role of the same name as the realm role, and says so', () => {
    renderPanel(
      fakeJwt({
        ...payload,
        realm_access: { roles: ['patient'] },
        resource_access: { 'abrumet-portal': { roles: ['therapist'] } },
      }),
    );
    expect(verdict()).toContain('it lacks the realm role therapist');
    expect(verdict()).toContain('client role of abrumet-portal, which is not the realm role');
  });

  it('says so when a refresh brings back the very same token', async () => {
    const user = userEvent.setup();
    const { signinSilent } = renderPanel(fakeJwt(payload));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(signinSilent).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId('refresh-unchanged')).textContent).toContain(
      'The realm answered the refresh with the same access token: nothing changed',
    );
  });

  it('case 13: renders a claim holding HTML as inert text', () => {
    const { container } = renderPanel(fakeJwt({ ...payload, name: '<img src=x onerror="alert(1)">' }));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText('<img src=x onerror="alert(1)">').length).toBeGreaterThan(0);
  });

  it('case 12: reports an opaque access token as opaque instead of crashing', () => {
    renderPanel('2YotnFZFEjr1zCsicMWpAA');
    expect(screen.getByTestId('verdict').textContent).toContain(
      'Cannot tell whether this token can call the API',
    );
    expect(screen.getByRole('note').textContent).toContain('opaque token');
  });

  it('case 19: masks the refresh token until the reveal is confirmed', async () => {
    const user = userEvent.setup();
    renderPanel(fakeJwt(payload));
    await user.click(screen.getByRole('tab', { name: 'Refresh token' }));
    expect(screen.queryByText('opaque-refresh-token-value')).toBeNull();
    expect(screen.getByTestId('refresh-masked').textContent).toContain('26 characters');
    await user.click(screen.getByRole('button', { name: 'Reveal refresh token' }));
    expect(screen.queryByText('opaque-refresh-token-value')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Yes, reveal' }));
    expect(within(screen.getByRole('tabpanel')).getByText('opaque-refresh-token-value')).toBeTruthy();
  });

  it('case 17: shows a token with __proto__, constructor and toString claims like any other', () => {
    const b64 = (text: string) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const body = JSON.stringify(payload).slice(0, -1);
    const raw = `${b64('{"alg":"RS256","__proto__":{"x":1},"constructor":"c"}')}.${b64(
      `${body},"__proto__":{"polluted":true},"constructor":{"prototype":"p"},"toString":"t","valueOf":{"a":[1]},"realm_access":{"roles":["therapist"],"__proto__":["x"]}}`,
    )}.c2ln`;
    renderPanel(raw);
    for (const claim of ['__proto__', 'constructor', 'toString', 'valueOf'])
      expect(screen.getAllByRole('rowheader', { name: claim }).length).toBeGreaterThan(0);
    expect(screen.getByText('{"polluted":true}')).toBeTruthy();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(verdict()).toContain('This token can call the API right now');
  });

  it('case 11: masks an access token that cannot be decoded until asked, and says why', async () => {
    const user = userEvent.setup();
    const broken = 'eyJhbGciOiJSUzI1NiJ9.not-base64!!.c2ln';
    renderPanel(broken);
    expect(screen.queryByText(broken)).toBeNull();
    expect(screen.getByTestId('raw-token-masked').textContent).toContain(
      `${broken.length} characters, not shown`,
    );
    expect(verdict()).toContain('its payload is not base64url');
    expect(verdict()).not.toContain('not-base64');
    await user.click(screen.getByRole('button', { name: 'Show the raw value' }));
    expect(screen.getByTestId('raw-token').textContent).toBe(broken);
  });

  it("case 15: says the verdict rests on a signature verified against the realm's keys", async () => {
    renderPanel(fakeJwt(payload));
    await waitFor(() => expect(verdict()).toContain("Signature verified against the realm's keys (RS256)"));
    expect(verdict()).toContain('This token can call the API right now');
  });

  it('case 15: says "decoded here, not verified" when the keys cannot be had', async () => {
    renderPanel(fakeJwt(payload), undefined, async () => ({ kind: 'unavailable', message: 'down' }));
    await waitFor(() => expect(verdict()).toContain('Decoded here, not verified by this portal'));
  });

  it.each([
    [
      'alg none',
      { alg: 'none' },
      { kind: 'alg-none', message: 'not signed' },
      'it is not signed (alg “none”)',
    ],
    [
      'HS256',
      { alg: 'HS256', kid: 'k1' },
      { kind: 'invalid', message: 'a shared secret' },
      'it is signed with HS256',
    ],
    [
      'an unknown kid',
      { alg: 'RS256', kid: 'nobody' },
      { kind: 'no-key', message: 'no key nobody' },
      "the realm's keys do not verify it: no key nobody",
    ],
    [
      'a jku header',
      { alg: 'RS256', kid: 'k1', jku: 'https://evil.example/keys' },
      { kind: 'valid', alg: 'RS256' },
      'its header says where to get the key to check it (jku)',
    ],
    [
      'an x5u header',
      { alg: 'RS256', kid: 'k1', x5u: 'https://evil.example/cert' },
      { kind: 'valid', alg: 'RS256' },
      '(x5u)',
    ],
  ] as const)('case 15: never gives a token with %s the green verdict', async (_, header, result, reason) => {
    renderPanel(fakeJwt(payload, header), undefined, async () => result);
    await waitFor(() => expect(verdict()).toContain(reason));
    expect(verdict()).not.toContain('This token can call the API right now');
    expect(screen.getByTestId('verdict').className).not.toContain('tone-ok');
    // One reading, one look: the countdown beside it does not call the token valid either.
    expect(screen.getByTestId('countdown-state').textContent).toBe('Untrusted');
    const toneOf = (element: Element | null) => /tone-\w+/.exec(element?.className ?? '')?.[0];
    expect(toneOf(screen.getByTestId('countdown').closest('.tk-countdown'))).toBe(
      toneOf(screen.getByTestId('verdict')),
    );
  });

  it('case 16: flags nbf and iat in the future, and an exp that is a string', () => {
    renderPanel(fakeJwt({ ...payload, nbf: now + 600, iat: now + 600, exp: String(now + 900) }));
    const flagged = (claim: string) =>
      screen.getAllByRole('row').find((row) => within(row).queryByRole('rowheader', { name: claim }))
        ?.textContent ?? '';
    // Flagged beside each claim in the verdict's words: one wording per problem.
    expect(flagged('nbf')).toMatch(/It is not valid yet \(nbf\): it becomes valid in (9|10) min/);
    expect(flagged('iat')).toMatch(/It was issued (9|10) min( \d+ s)? in the future by the server's clock/);
    expect(flagged('exp')).toContain('not a number of seconds');
    expect(verdict()).toContain('This token cannot call the API right now');
    expect(verdict()).toContain('it is not valid yet (nbf)');
    expect(verdict()).toContain('its exp is');
  });

  it('case 18: warns that a large token may be refused by servers (431/400), and a usual one says nothing', () => {
    const { unmount } = renderPanel(fakeJwt(payload));
    expect(screen.queryByTestId('large-token')).toBeNull();
    unmount();
    const groups = Array.from({ length: 800 }, (_, i) => `/department-${i}`);
    renderPanel(fakeJwt({ ...payload, groups }));
    const warning = screen.getByTestId('large-token').textContent;
    expect(warning).toMatch(/This token is large: its Authorization header is \d+\.\d KB/);
    expect(warning).toContain('431 Request Header Fields Too Large or 400');
    // Still usable: the verdict is about the claims.
    expect(verdict()).toContain('This token can call the API right now');
  });

  it('raises a mix-up error for a token from another realm', () => {
    renderPanel(fakeJwt({ ...payload, iss: 'https://evil.example.org/auth/realms/abrumet' }));
    expect(screen.getByRole('alert').textContent).toContain('not by the configured realm');
  });

  it('case 48: copies only on a click, and says the clipboard is shared with other apps', async () => {
    const user = userEvent.setup();
    const token = fakeJwt(payload);
    renderPanel(token);
    await expect(navigator.clipboard.readText()).resolves.toBe('');
    await user.click(screen.getByRole('button', { name: 'Copy Authorization header' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(`Authorization: Bearer ${token}`);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(
      'Copied. The clipboard is shared with other apps: paste it where it belongs, then copy something else over it.',
    );
  });

  it('case 48: copies the refresh token only after a confirmation', async () => {
    const user = userEvent.setup();
    renderPanel(fakeJwt(payload));
    await user.click(screen.getByRole('tab', { name: 'Refresh token' }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'Copy refresh token' }));
    await expect(navigator.clipboard.readText()).resolves.not.toBe('opaque-refresh-token-value');
    await user.click(screen.getByRole('button', { name: 'Copy refresh token' }));
    await expect(navigator.clipboard.readText()).resolves.toBe('opaque-refresh-token-value');
    expect(confirm).toHaveBeenCalledTimes(2);
    confirm.mockRestore();
  });

  it('leaves the claims tables alone while the countdown ticks', () => {
    vi.useFakeTimers();
    try {
      renderPanel(fakeJwt(payload));
      const before = claimsTable.renders;
      const countdown = screen.getByTestId('countdown').textContent;
      act(() => vi.advanceTimersByTime(5000));
      expect(screen.getByTestId('countdown').textContent).not.toBe(countdown);
      expect(before).toBeGreaterThan(0);
      expect(claimsTable.renders).toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });
});
