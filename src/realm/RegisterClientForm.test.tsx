import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config/readConfig.ts';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { RegisterClientForm } from './RegisterClientForm.tsx';

const env = (id: string, authority: string, production = false) => ({
  id,
  label: id[0]?.toUpperCase() + id.slice(1),
  production,
  authority,
  clientId: 'portal',
  api: { baseUrl: 'https://api.example.org', audience: 'abrumet-api' },
});
const result = readConfig({
  adminEmail: 'admin@example.org',
  environments: [
    env('local', 'http://127.0.0.1:8180/auth/realms/abrumet'),
    env('acceptance', 'https://acc.example.org/realms/abrumet'),
    env('production', 'https://prod.example.org/realms/abrumet', true),
  ],
});
const config = (result.ok ? result.config : null) as PortalConfig;
const origin = 'https://portal.example.org';
const local = config.environments[0] as EnvironmentConfig;

const renderForm = () =>
  render(
    <StrictMode>
      <RegisterClientForm config={config} environment={local} origin={origin} />
    </StrictMode>,
  );

const checklist = () => screen.getByRole('list', { name: 'Checklist for the realm admin' }).textContent ?? '';
const tableRow = (name: string) =>
  screen
    .getByRole('table', { name: 'Client registration request' })
    .querySelector(`tr[data-setting="${name}"]`)?.textContent;

describe('RegisterClientForm', () => {
  it("checks the same Web origin as the request table: the callback's, not this portal's", async () => {
    const user = userEvent.setup();
    renderForm();
    const callback = screen.getByLabelText(/Callback URI/);
    await user.clear(callback);
    await user.type(callback, 'https://debug-portal.example.org/callback/acceptance');
    expect(tableRow('Web origins')).toContain('https://debug-portal.example.org');
    expect(checklist()).toContain('Web origins: https://debug-portal.example.org.');
    expect(checklist()).not.toContain(origin);
  });

  it('asks no Web origins of a mobile app, in the table and the checklist alike', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('radio', { name: 'Mobile app' }));
    expect(tableRow('Web origins')).toContain('none needed');
    expect(checklist()).toContain('Web origins: none needed (no browser calls)');
  });

  it("lists the API's audience mapper and the realm role it requires", () => {
    renderForm();
    expect(checklist()).toContain('Audience mapper: adds “abrumet-api” to access tokens');
    expect(checklist()).toContain('Realm role for users of the API: therapist');
  });

  it('offers the real realms only and pre-fills the callback of the one picked', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(screen.queryByRole('radio', { name: /Local/ })).toBeNull();
    const callback = screen.getByLabelText(/Callback URI/) as HTMLInputElement;
    expect(callback.value).toBe(`${origin}/callback/acceptance`);
    await user.click(screen.getByRole('radio', { name: 'Production (production)' }));
    expect(callback.value).toBe(`${origin}/callback/production`);
  });

  it('keeps a typed callback when the environment changes, and offers the mail once complete', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(screen.queryByRole('link', { name: /Draft a mail/ })).toBeNull();
    await user.type(screen.getByLabelText(/Client ID/), 'my-app');
    const callback = screen.getByLabelText(/Callback URI/);
    await user.clear(callback);
    await user.type(callback, 'https://app.example.org/cb');
    await user.click(screen.getByRole('radio', { name: 'Production (production)' }));
    expect((callback as HTMLInputElement).value).toBe('https://app.example.org/cb');
    const mail = screen.getByRole('link', { name: 'Draft a mail to admin@example.org' });
    expect(mail.getAttribute('href')).toContain('mailto:admin@example.org?subject=');
  });

  it("asks a service for no callback, and its service account for the API's realm role", async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('radio', { name: 'Service without a user' }));
    expect(screen.queryByLabelText(/Callback URI/)).toBeNull();
    expect(tableRow('Client authentication')).toContain('On (confidential client');
    expect(checklist()).toContain('Service account roles: realm role therapist');
    expect(checklist()).not.toContain('Valid redirect URIs');
  });

  it('forgets a callback typed for a mobile app when the app becomes a web app again', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('radio', { name: 'Mobile app' }));
    await user.type(screen.getByLabelText(/Callback URI/), 'org.example.app:/cb');
    await user.click(screen.getByRole('radio', { name: 'Single-page app (browser)' }));
    expect((screen.getByLabelText(/Callback URI/) as HTMLInputElement).value).toBe(
      `${origin}/callback/acceptance`,
    );
  });
});
