import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../config/types.ts';
import { loginErrorSteps } from './loginErrorSteps.ts';

const environment = {
  id: 'acceptance',
  label: 'Acceptance',
  authority: 'https://acc.auth.example.org/auth/realms/abrumet',
  clientId: 'abrumet-debug-portal',
} as EnvironmentConfig;
const context = {
  environment,
  redirectUri: 'https://portal.example.org/callback/acceptance',
  when: { failedAt: new Date(2025, 2, 7, 14, 5) },
};

describe('loginErrorSteps', () => {
  it('walks an admin to the LOGIN_ERROR events of this realm and client, from that day', () => {
    const steps = loginErrorSteps({ ...context, code: 'access_denied', description: 'User cancelled' });
    expect(steps[0]).toContain('"abrumet" (Acceptance) with the client "abrumet-debug-portal"');
    expect(steps[0]).toContain('"access_denied: User cancelled"');
    expect(steps[1]).toContain('https://acc.auth.example.org/auth/admin/master/console/#/abrumet/events');
    expect(steps.join('\n')).toContain('Event type LOGIN_ERROR');
    expect(steps.join('\n')).toContain('Date from 2025-03-07');
    expect(steps.join('\n')).toContain('callback https://portal.example.org/callback/acceptance');
  });

  it('states no time when there was no failure to date', () => {
    const steps = loginErrorSteps({ ...context, when: undefined });
    expect(steps[0]).toBe(
      'A sign-in to the realm "abrumet" (Acceptance) with the client "abrumet-debug-portal" failed.',
    );
    expect(steps.join('\n')).not.toMatch(/2025|\d{1,2}:\d{2}/);
    expect(steps.join('\n')).toContain('Date from the day it happened');
  });

  it('dates a sign-in that never came back by when it started', () => {
    const steps = loginErrorSteps({ ...context, when: { startedAt: new Date(2025, 2, 7, 14, 5) } });
    expect(steps[0]).toMatch(/started at .* and never came back to the portal\.$/);
    expect(steps.join('\n')).toContain('Date from 2025-03-07');
  });

  it('still gives the steps when the authority is not a Keycloak realm URL', () => {
    const steps = loginErrorSteps({
      ...context,
      environment: { ...environment, authority: 'https://idp.example.org/oauth2' },
    });
    expect(steps[1]).toContain('Keycloak admin console of https://idp.example.org/oauth2');
  });
});
