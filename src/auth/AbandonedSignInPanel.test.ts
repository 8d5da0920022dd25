import { describe, expect, it } from 'vitest';
import { explainAbandonedSignIn, realmRefusals } from './AbandonedSignInPanel.tsx';

const NOW = 1_700_000_000;

describe('explainAbandonedSignIn', () => {
  it('leads with coming back before finishing, and signing in again', () => {
    const explained = explainAbandonedSignIn(
      { label: 'Local' },
      { startedAt: new Date(NOW * 1000), keys: [] },
    );
    expect(explained.title).toBe('Your sign-in did not finish');
    expect(explained.detail).toMatch(
      /^A sign-in to Local started at .+ and did not come back to this portal\. Most likely you came back here \(with Back, or by opening the portal again\) before finishing the sign-in at the realm\.$/,
    );
    expect(explained.next).toBe('Sign in again.');
  });
});

describe('realmRefusals', () => {
  it('names the two causes a realm cannot report back, with this environment in them', () => {
    expect(realmRefusals({ clientId: 'no-such-client' }, 'http://127.0.0.1:5173/callback/local')).toEqual([
      expect.stringContaining('http://127.0.0.1:5173/callback/local is not in the Valid redirect URIs'),
      expect.stringContaining('the realm has no client no-such-client'),
      expect.stringContaining('Another error page at the realm'),
    ]);
  });
});
