import { describe, expect, it } from 'vitest';
import { explainAbandonedSignIn } from './AbandonedSignInPanel.tsx';

const NOW = 1_700_000_000;

describe('explainAbandonedSignIn', () => {
  it('names the two causes a realm cannot report back, with this environment in them', () => {
    const explained = explainAbandonedSignIn(
      { label: 'Local', clientId: 'no-such-client' },
      { startedAt: new Date(NOW * 1000), keys: [] },
      'http://127.0.0.1:5173/callback/local',
    );
    expect(explained.detail).toMatch(/^A sign-in to Local started at .+ but the realm never sent you back/);
    expect(explained.reasons).toEqual([
      expect.stringContaining('http://127.0.0.1:5173/callback/local is not in the Valid redirect URIs'),
      expect.stringContaining('the realm has no client no-such-client'),
      expect.stringContaining('came back with Back'),
    ]);
    expect(explained.next).toMatch(/^Sign in again/);
  });
});
