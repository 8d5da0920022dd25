import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { startStack } from './support/stack.ts';
import { storedSession } from './support/tokenAnswers.ts';

/*
 * Leak prevention, the catalogue's part E (README: Security), against both IdPs: the console never
 * carries a token, and the Content-Security-Policy blocks what an injected script would try, and
 * says so to the deployment's report address.
 */

const session = setupBrowserSession();

/** A CSP report collector on 127.0.0.1: what browsers POST to report-uri. */
async function startReportCollector() {
  const reports: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (req.method === 'POST') reports.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/csp`,
    reports,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('leak prevention', () => {
  it('case 46: the console carries no token at any level, through sign-in, refresh and a refused refresh', async () => {
    const { page, stack } = session;
    const logged: string[] = [];
    page.on('console', (message) => logged.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => logged.push(`pageerror: ${error.message}`));
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const first = await storedSession(page);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(async () => (await storedSession(page))?.access_token).not.toBe(first?.access_token);
    const second = await storedSession(page);
    // A refused refresh: oidc-client-ts's ErrorResponse.form holds the refresh token it sent.
    await stack.endSessions('therapist');
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.getByTestId('session-ended').waitFor();
    const secrets = [first, second]
      .flatMap((tokens) => [tokens?.access_token, tokens?.refresh_token])
      .filter((token): token is string => token !== undefined);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    for (const line of logged) {
      for (const secret of secrets) expect(line).not.toContain(secret.slice(-40));
      expect(line).not.toMatch(/eyJ[\w-]{10,}\.eyJ/);
    }
  });

  it('case 49: an injected inline script, eval and a call to an unlisted origin are blocked, and reported', async () => {
    const { page } = session;
    const collector = await startReportCollector();
    onTestFinished(() => collector.close());
    const stack = await startStack({
      editConfig: (config) => ({ ...config, cspReportUri: collector.url }),
    });
    onTestFinished(() => stack.close());
    const csp = (await fetch(stack.portalUrl)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`report-uri ${collector.url}`);
    // A script of the portal's own origin (allowed) that tries eval (not allowed). Code run through
    // Playwright's evaluate is exempt from the CSP, as the DevTools console is.
    await page.route(`${stack.portalUrl}/probe.js`, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: "try { eval('1 + 1'); window.evaluated = 'ran'; } catch (error) { window.evaluated = error.name; }",
      }),
    );
    await page.goto(stack.portalUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const outcome = await page.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.injected = true;';
      document.body.append(inline);
      const probe = document.createElement('script');
      probe.src = '/probe.js';
      await new Promise((resolve) => {
        probe.onload = resolve;
        probe.onerror = resolve;
        document.body.append(probe);
      });
      let fetched = 'ran';
      try {
        await fetch('https://unlisted.example/steal');
      } catch (error) {
        fetched = (error as Error).name;
      }
      const seen = window as { injected?: boolean; evaluated?: string };
      return { injected: seen.injected ?? false, evaluated: seen.evaluated, fetched };
    });
    expect(outcome).toEqual({ injected: false, evaluated: 'EvalError', fetched: 'TypeError' });
    // Each one arrives at the report address, as a deployment would see it.
    const blocked = () =>
      collector.reports.map(
        (report) =>
          (JSON.parse(report) as { 'csp-report'?: { 'blocked-uri'?: string } })['csp-report']?.[
            'blocked-uri'
          ],
      );
    await expect
      .poll(blocked, { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining(['inline', 'eval', expect.stringMatching(/^https:\/\/unlisted\.example/)]),
      );
  });
});
