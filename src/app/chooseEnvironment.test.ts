import { describe, expect, it } from 'vitest';
import { readConfig } from '../config/readConfig.ts';
import type { PortalConfig } from '../config/types.ts';
import { chooseEnvironment } from './chooseEnvironment.ts';

const env = (id: string) => ({
  id,
  authority: `https://${id}.example.org/auth/realms/abrumet`,
  clientId: 'portal',
  api: { baseUrl: `https://api.${id}.example.org` },
});
const result = readConfig({
  defaultEnvironment: 'local',
  environments: [env('local'), env('acceptance'), env('production')],
});
const config = (result.ok ? result.config : null) as PortalConfig;
const at = (path: string) => new URL(path, 'https://portal.example.org');

describe('chooseEnvironment', () => {
  it.each([
    ['/', null, 'local'],
    ['/', 'production', 'production'],
    ['/?env=acceptance', 'production', 'acceptance'],
    ['/?env=unknown', null, 'local'],
    ['/callback/production?code=c&state=s', 'acceptance', 'production'],
    ['/callback/acceptance?error=access_denied&state=s', null, 'acceptance'],
  ])('at %s with saved %s picks %s', (path, saved, expected) => {
    expect(chooseEnvironment(config, at(path), saved).id).toBe(expected);
  });
});
