import { describe, expect, it } from 'vitest';
import { openSection } from './support/sections.ts';
import { sendExpecting } from './support/sendRequest.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { hasFocus, startsInView } from './support/viewport.ts';

const session = setupBrowserSession();

/**
 * #25: the first screen must not state what the API then disproves. A patient's token is accepted
 * by what needs only a valid token (Who am I) and refused by what needs the realm role therapist.
 */
describe('the first screen', () => {
  it('says what a patient’s token can call, the roles once, and the API agrees on both sides', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'patient');
    const verdict = page.getByTestId('verdict');
    await expect
      .poll(() => verdict.locator('.callout__title').textContent())
      .toBe('⚠ This token can call what needs a valid token, not what needs the realm role therapist');
    const text = (await verdict.textContent()) ?? '';
    expect(text).toContain('It can call Who am I (any valid token of this realm)');
    expect(text).toContain('it lacks the realm role therapist that List patients and Create patient require');
    // The roles once (the old verdict listed them in its paragraph and again in its reasons).
    expect(text.match(/uma_authorization/g)).toHaveLength(1);

    await openSection(page, 'Call the API');
    await sendExpecting(page, '200 OK');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    await sendExpecting(page, '403 Forbidden');
  });

  it('says yes to a therapist, naming what the role opens', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent()).toContain('This token can call the API right now');
    expect(await verdict.textContent()).toContain(
      'It has the realm role therapist that List patients and Create patient require',
    );
  });
});

describe('results where you look', () => {
  it('warns beside Send about a token that will be refused, sends in one click, and brings the answer into view', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, `${stack.portalUrl}#call`, 'patient');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    const warning = page.getByRole('note').filter({ hasText: 'needs the realm role “therapist”' });
    expect(await warning.textContent()).toContain('Send sends it anyway');
    // The answer lands below the editors: out of view before, in view and focused after.
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    const answer = page.getByRole('region', { name: 'Response', exact: true });
    await expect.poll(() => answer.getByTestId('response-status').textContent()).toBe('403 Forbidden');
    await expect.poll(() => startsInView(answer)).toBe(true);
    expect(await hasFocus(answer)).toBe(true);
  });
});
