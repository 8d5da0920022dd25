import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { acceptance, local } from '../test/environments.ts';
import { IntegrateSection } from './IntegrateSection.tsx';

/** The realm's own word on its endpoints, on another host than Keycloak's standard paths. */
const advertised = 'https://sso.example.org/auth/realms/abrumet/protocol/openid-connect';
const discoveryFor = (environment: EnvironmentConfig) =>
  vi.fn(
    async () =>
      new Response(
        JSON.stringify({
          issuer: environment.authority,
          authorization_endpoint: `${advertised}/auth`,
          token_endpoint: `${advertised}/token`,
          device_authorization_endpoint: `${advertised}/auth/device`,
          jwks_uri: `${advertised}/certs`,
          userinfo_endpoint: `${advertised}/userinfo`,
          end_session_endpoint: `${advertised}/logout`,
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      ),
  );

const renderGuide = (environment: EnvironmentConfig) => {
  const config: PortalConfig = {
    defaultEnvironment: environment.id,
    adminEmail: 'admin@example.org',
    environments: [environment],
  };
  render(
    <StrictMode>
      <IntegrateSection config={config} environment={environment} fetchImpl={discoveryFor(environment)} />
    </StrictMode>,
  );
};

const snippet = (title: RegExp) =>
  screen.getByRole('figure', { name: title }).querySelector('pre')?.textContent;
const settingsRow = (name: string) =>
  within(screen.getByRole('table', { name: 'Keycloak client settings' })).getByRole('row', {
    name: new RegExp(`^${name}`),
  }).textContent;

describe('IntegrateSection', () => {
  it('advises a single-page app the code flow with PKCE, names the grants not to use, and shows oidc-client-ts', async () => {
    renderGuide(acceptance);
    expect(
      screen.getByRole('heading', { name: 'Advised flow: Authorization code + PKCE (S256)' }),
    ).toBeTruthy();
    const notAdvised = screen.getByRole('list', { name: 'Not advised' }).textContent;
    expect(notAdvised).toContain('Implicit flow');
    expect(notAdvised).toContain('password grant');
    expect(snippet(/^TypeScript: oidc-client-ts/)).toContain(`authority: '${acceptance.authority}'`);
    expect(settingsRow('Web origins')).toContain('https://app.abrumet.example');
  });

  it("fills a service's curl from the realm's discovery, with the client ID typed, and asks for its service account role", async () => {
    const user = userEvent.setup();
    renderGuide(acceptance);
    await user.click(screen.getByRole('radio', { name: 'Service without a user' }));
    expect(screen.queryByLabelText(/Callback URI/)).toBeNull();
    const clientId = screen.getByLabelText('Client ID');
    expect((clientId as HTMLInputElement).value).toBe('abrumet-service');
    await user.clear(clientId);
    await user.type(clientId, 'reporting-service');
    await screen.findByText("Read from the realm's discovery document.");
    const script = snippet(/^curl: client credentials/);
    expect(script).toContain(`TOKEN_ENDPOINT='${advertised}/token'`);
    expect(script).toContain("CLIENT_ID='reporting-service'");
    expect(settingsRow('Service account roles')).toContain('realm role therapist');
    expect(settingsRow('Client authentication')).toContain('On (confidential client');
  });

  it('drafts the registration request for the realm admin from the same source as the form', async () => {
    const user = userEvent.setup();
    renderGuide(acceptance);
    await user.click(screen.getByRole('radio', { name: 'Command-line tool or device without a browser' }));
    const mail = screen.getByRole('link', { name: 'Draft a mail to admin@example.org' });
    const body = new URL(mail.getAttribute('href') ?? '').searchParams.get('body') ?? '';
    expect(body).toMatch(/Client ID +abrumet-cli/);
    expect(body).toMatch(/Authentication flow +OAuth 2.0 Device Authorization Grant on/);

    await user.clear(screen.getByLabelText('Client ID'));
    expect(screen.getByRole('list', { name: 'To fix before sending' }).textContent).toContain(
      'Client ID: fill in',
    );
    expect(screen.queryByRole('link', { name: /Draft a mail/ })).toBeNull();
  });

  it('sends nothing for the local realm, which registers its own clients', () => {
    renderGuide(local);
    expect(screen.getByText(/it registers its own clients/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Draft a mail/ })).toBeNull();
  });

  it('gives a mobile app AppAuth values and its redirect, and checks the scheme', async () => {
    const user = userEvent.setup();
    renderGuide(acceptance);
    await user.click(screen.getByRole('radio', { name: 'Mobile app' }));
    const values = screen.getByRole('table', { name: 'AppAuth configuration' }).textContent;
    expect(values).toContain('org.abrumet.app:/oauth2redirect');
    const callback = screen.getByLabelText(/Callback URI/);
    await user.clear(callback);
    await user.type(callback, 'myapp:/cb');
    expect(screen.getByRole('list', { name: 'To fix before sending' }).textContent).toContain(
      'reverse domain name',
    );
  });
});
