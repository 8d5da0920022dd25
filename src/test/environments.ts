import type { EnvironmentConfig } from '../config/types.ts';

/** Environments for unit tests, shaped like public/config.json's. */
export const acceptance: EnvironmentConfig = {
  id: 'acceptance',
  label: 'Acceptance',
  production: false,
  authority: 'https://acc.auth.example.org/auth/realms/abrumet',
  clientId: 'abrumet-debug-portal',
  redirectUri: '/callback/acceptance',
  scope: 'openid profile email',
  tokenStore: 'session',
  realmTimeoutSeconds: 15,
  presets: [
    { name: 'Create patient', method: 'POST', path: '/api/v1/patients' },
    { name: 'Who am I', method: 'get', path: '/api/v1/me' },
  ],
  api: {
    baseUrl: 'https://acc.api.example.org/',
    allowedOrigins: [],
    requiredRole: 'therapist',
    audience: 'abrumet-api',
  },
};

export const production: EnvironmentConfig = {
  ...acceptance,
  id: 'production',
  label: 'Production',
  production: true,
  authority: 'https://auth.example.org/auth/realms/abrumet',
  presets: [],
  api: { baseUrl: 'https://api.example.org', allowedOrigins: [], requiredRole: 'therapist' },
};

export const local: EnvironmentConfig = {
  ...acceptance,
  id: 'local',
  label: 'Local',
  authority: 'http://127.0.0.1:8180/auth/realms/abrumet',
  clientId: 'abrumet-portal',
  redirectUri: '/callback/local',
  api: { ...acceptance.api, baseUrl: 'http://127.0.0.1:8181' },
};
