import { act, render, screen } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localClock } from '../shared/format.ts';
import { ServerTimeProvider } from '../shared/serverTime.tsx';
import type { SignatureStatus } from '../shared/token/judgeToken.ts';
import { readToken } from '../shared/token/readToken.ts';
import type { ServerClock } from '../shared/token/serverClock.ts';
import { acceptance } from '../test/environments.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { Countdown } from './Countdown.tsx';

const start = Date.UTC(2026, 10, 27, 12, 0, 0);
const iat = start / 1000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
});
afterEach(() => vi.useRealTimers());

const access = (exp: number) => readToken(fakeJwt({ iat, exp }));
const renderCountdown = (exp: number, skewMs = 0, clock: Partial<ServerClock> = {}) =>
  render(
    <StrictMode>
      <ServerTimeProvider clock={{ skewMs, measured: true, ...clock }}>
        <Countdown access={access(exp)} environment={acceptance} />
      </ServerTimeProvider>
    </StrictMode>,
  );

describe('Countdown', () => {
  it('ticks down every second from exp', () => {
    renderCountdown(iat + 300);
    expect(screen.getByTestId('countdown').textContent).toBe('5:00 left');
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('countdown').textContent).toBe('4:57 left');
  });

  it('cannot drift: after a sleep it shows what exp says, not the ticks it missed', () => {
    renderCountdown(iat + 300);
    // The machine sleeps: the clock jumps 200 s while no interval fired.
    vi.setSystemTime(start + 200_000);
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('countdown').textContent).toBe('1:39 left');
  });

  it('turns to expiring in the last minute, then counts the time since expiry', () => {
    renderCountdown(iat + 300);
    act(() => vi.advanceTimersByTime(241_000));
    expect(screen.getByText('Expiring soon')).toBeTruthy();
    act(() => vi.advanceTimersByTime(101_000));
    expect(screen.getByText('Expired')).toBeTruthy();
    expect(screen.getByTestId('countdown').textContent).toBe('expired 0:42 ago');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
  });

  it("case 16: uses the server's clock, says how far off ours is, and shows both clocks", () => {
    // Our clock is 130 s behind the server: 130 s of the token's life are already gone.
    renderCountdown(iat + 300, 130_000);
    expect(screen.getByTestId('countdown').textContent).toBe('2:50 left');
    const skew = screen.getByTestId('skew').textContent;
    expect(skew).toContain('Your clock is 2 min 10 s behind the server');
    expect(skew).toContain(
      `the server's clock says ${localClock(start + 130_000)}, yours ${localClock(start)}`,
    );
  });

  it('case 16: a clock 10 minutes ahead of the server keeps the countdown right', () => {
    // Issued just now by the server's clock, which is 10 min behind ours: by our clock alone it
    // would have expired 5 min ago.
    render(
      <ServerTimeProvider clock={{ skewMs: -600_000, measured: true }}>
        <Countdown access={readToken(fakeJwt({ iat: iat - 600, exp: iat - 300 }))} environment={acceptance} />
      </ServerTimeProvider>,
    );
    expect(screen.getByTestId('countdown').textContent).toBe('5:00 left');
    expect(screen.getByTestId('skew').textContent).toContain('Your clock is 10 min ahead of the server');
  });

  it('goes by the token when the token response announced another lifetime, and says so', () => {
    renderCountdown(iat + 300, 0, { expiresInMismatch: { expiresIn: 3600, lifetime: 300 } });
    expect(screen.getByTestId('countdown').textContent).toBe('5:00 left');
    expect(screen.getByTestId('expires-in-mismatch').textContent).toContain(
      'The token response said it lives 1 h (expires_in 3600), but the token itself says 5 min (exp − iat)',
    );
    expect(screen.queryByTestId('skew')).toBeNull();
  });

  it('says nothing about a skew of a second or two', () => {
    renderCountdown(iat + 300, 1500);
    expect(screen.queryByTestId('skew')).toBeNull();
  });

  it('re-renders once per tick of the app clock, not more', () => {
    let countdownRenders = 0;
    render(
      <ServerTimeProvider clock={{ skewMs: 0, measured: true }}>
        <Profiler id="countdown" onRender={() => (countdownRenders += 1)}>
          <Countdown access={access(iat + 300)} environment={acceptance} />
        </Profiler>
      </ServerTimeProvider>,
    );
    const countdownBefore = countdownRenders;
    for (let second = 0; second < 5; second += 1) act(() => vi.advanceTimersByTime(1000));
    expect(countdownRenders - countdownBefore).toBe(5);
    // That the rest of the token panel does not follow the tick is TokenPanel.test's to show.
  });

  describe('case 15: judged as the verdict judges it', () => {
    const good = {
      iss: acceptance.authority,
      aud: 'abrumet-api',
      iat,
      exp: iat + 300,
      typ: 'Bearer',
      realm_access: { roles: ['therapist'] },
    };
    const renderSigned = (header: object, signature?: SignatureStatus) =>
      render(
        <ServerTimeProvider clock={{ skewMs: 0, measured: true }}>
          <Countdown
            access={readToken(fakeJwt(good, header))}
            environment={acceptance}
            signature={signature}
          />
        </ServerTimeProvider>,
      );
    const state = () => screen.getByTestId('countdown-state');
    const look = () => screen.getByTestId('countdown').closest('.tk-countdown')?.className ?? '';

    it.each([
      ['alg none', { alg: 'none' }, undefined, 'tone-bad'],
      [
        'HS256, rejected by the realm keys',
        { alg: 'HS256', kid: 'k1' },
        { kind: 'rejected', message: 'no' },
        'tone-bad',
      ],
      ['HS256, not checked yet', { alg: 'HS256', kid: 'k1' }, { kind: 'checking' }, 'tone-warn'],
      [
        'a jku header',
        { alg: 'RS256', kid: 'k1', jku: 'https://evil.example/keys' },
        { kind: 'verified', alg: 'RS256' },
        'tone-warn',
      ],
      ['an x5u header', { alg: 'RS256', kid: 'k1', x5u: 'https://evil.example/c' }, undefined, 'tone-warn'],
      [
        'a signature the realm keys reject',
        { alg: 'RS256', kid: 'k1' },
        { kind: 'rejected', message: 'bad' },
        'tone-bad',
      ],
    ] as const)(
      'a token with %s is “Untrusted”, in the verdict’s tone, and still counts down',
      (_, header, signature, tone) => {
        renderSigned(header, signature);
        expect(state().textContent).toBe('Untrusted');
        expect(look()).toContain(tone);
        expect(look()).not.toContain('tone-ok');
        expect(screen.getByTestId('countdown').textContent).toBe('5:00 left');
        act(() => vi.advanceTimersByTime(2000));
        expect(screen.getByTestId('countdown').textContent).toBe('4:58 left');
      },
    );

    it('a token signed as the realm signs, verified, is “Valid” in the good tone', () => {
      renderSigned({ alg: 'RS256', kid: 'k1' }, { kind: 'verified', alg: 'RS256' });
      expect(state().textContent).toBe('Valid');
      expect(look()).toContain('tone-ok');
    });

    it('a trusted token lacking the role keeps its time reading: the verdict says what it cannot do', () => {
      render(
        <ServerTimeProvider clock={{ skewMs: 0, measured: true }}>
          <Countdown
            access={readToken(fakeJwt({ ...good, realm_access: { roles: [] } }))}
            environment={acceptance}
          />
        </ServerTimeProvider>,
      );
      expect(state().textContent).toBe('Valid');
    });
  });
});
