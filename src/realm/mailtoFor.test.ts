import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../config/types.ts';
import { clientRequest } from './clientRequest.ts';
import { mailtoFor } from './mailtoFor.ts';

const request = clientRequest({
  clientId: 'abrumet-debug-portal',
  environment: {
    id: 'acceptance',
    label: 'Acceptance',
    production: false,
    authority: 'https://acc.auth.example.org/realms/abrumet',
    clientId: 'abrumet-debug-portal',
    redirectUri: '/callback/acceptance',
    scope: 'openid',
    tokenStore: 'session',
    presets: [],
    api: { baseUrl: 'https://acc.api.example.org', allowedOrigins: [], requiredRole: 'therapist' },
  } satisfies EnvironmentConfig,
  redirectUri: 'https://portal.example.org/callback/acceptance',
  appType: 'web',
});

describe('mailtoFor', () => {
  it('drafts a mail to the admin with the subject and the table in the body', () => {
    const mailto = mailtoFor(request, 'keycloak-admin@abrumet.example');
    const url = new URL(mailto ?? '');
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('keycloak-admin@abrumet.example');
    expect(url.searchParams.get('subject')).toBe(request.subject);
    expect(url.searchParams.get('body')).toContain(request.text);
  });

  it('offers no draft without an admin address', () => {
    expect(mailtoFor(request, undefined)).toBeNull();
  });
});
