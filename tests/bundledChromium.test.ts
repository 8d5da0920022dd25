import { describe, expect, it } from 'vitest';
import { openSection } from './support/sections.ts';
import { sendExpecting } from './support/sendRequest.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

/*
 * The rest of the suite runs on the Chromium findChromium picks (Debian's in CI). A machine without
 * one falls back to the @sparticuz/chromium devDependency: this smoke test keeps that path working.
 */
const session = setupBrowserSession({ bundled: true });

describe('the bundled Chromium (@sparticuz/chromium)', () => {
  it('signs in, shows the token and calls the API', async () => {
    const { page, stack, browser } = session;
    expect(browser.version()).toMatch(/^\d+\./);
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    expect(await page.getByTestId('verdict').textContent()).toContain('can call the API');
    await openSection(page, 'Call the API');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('Who am I');
    await sendExpecting(page, '200 OK');
  });
});
