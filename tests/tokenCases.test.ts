import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreen } from './support/screenshot.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { claimsOf, craftJwt, editTokenAnswers, headerOf } from './support/tokenAnswers.ts';

/*
 * The token cases of the catalogue (README: Security) as a user meets them on the first screen. A
 * token the realm would never issue is handed to the page the way a broken or malicious gateway
 * would: in place of the realm's access token in its real answer to the code exchange.
 */

const session = setupBrowserSession();

/** The verdict's and the countdown's tone, read in one go (one render shows both). */
const looks = (page: Page) =>
  page.evaluate(() => {
    const tone = (element: Element | null) => /tone-\w+/.exec(element?.className ?? '')?.[0];
    const countdown = document.querySelector('[data-section="token"]:not([hidden]) .tk-countdown');
    return {
      verdict: tone(document.querySelector('[data-section="token"]:not([hidden]) [data-testid="verdict"]')),
      countdown: tone(countdown),
      countdownText: countdown?.querySelector('p')?.textContent ?? '',
    };
  });

const signature = (token: string) => token.split('.')[2] ?? '';

describe('the token on the first screen', () => {
  it.each([
    ['alg none', (token: string) => craftJwt(claimsOf(token), { alg: 'none', typ: 'JWT' }, '')],
    ['HS256', (token: string) => craftJwt(claimsOf(token), { ...headerOf(token), alg: 'HS256' })],
    [
      'a jku header',
      (token: string) =>
        craftJwt(claimsOf(token), { ...headerOf(token), jku: 'https://evil.example/keys' }, signature(token)),
    ],
    [
      'an x5u header',
      (token: string) =>
        craftJwt(claimsOf(token), { ...headerOf(token), x5u: 'https://evil.example/cert' }, signature(token)),
    ],
  ])(
    'case 15: a token with %s gets "Do not trust this token", and the countdown beside it says Untrusted in the same tone, still counting',
    async (what, craft) => {
      const { page, stack } = session;
      await editTokenAnswers(page, stack.issuer, ({ body, grant }) =>
        grant === 'authorization_code' ? { ...body, access_token: craft(String(body.access_token)) } : body,
      );
      await signInThroughPage(page, stack.portalUrl, 'therapist');
      const verdict = page.getByTestId('verdict');
      await expect.poll(() => verdict.textContent()).toContain('Do not trust this token');
      // Once the signature check against the realm's keys has answered, the verdict is red.
      await expect.poll(async () => (await looks(page)).verdict).toBe('tone-bad');
      const first = await looks(page);
      expect(first.countdown).toBe(first.verdict);
      expect(first.countdownText).toMatch(/^Untrusted\d+:\d\d left/);
      expect(first.countdownText).not.toContain('Valid');
      // Still a countdown: the token's time is shown, only not called valid.
      await expect.poll(async () => (await looks(page)).countdownText).not.toBe(first.countdownText);
      expect((await looks(page)).countdown).toBe('tone-bad');
      await saveScreen(
        page,
        `case-15-${what.replace(/\W+/g, '-')}`,
        page.getByRole('region', { name: 'Your token', exact: true }),
      );
    },
  );
});
