import { describe, expect, it } from 'vitest';
import { countdownLabel } from './countdownLabel.ts';

describe('countdownLabel', () => {
  it.each([
    ['fresh', 'Valid', 'ok'],
    ['expiring', 'Expiring soon', 'warn'],
    ['expired', 'Expired', 'bad'],
    ['not-yet-valid', 'Not valid yet', 'warn'],
    ['no-expiry', 'No expiry', 'info'],
  ] as const)('reads a trusted token’s time: %s is “%s”', (state, label, tone) => {
    expect(countdownLabel(state, { distrusted: false, tone: 'ok' })).toEqual({ label, tone });
  });

  it.each(['fresh', 'expiring', 'expired', 'not-yet-valid'] as const)(
    'case 15: a %s token the verdict distrusts is “Untrusted”, in the verdict’s tone',
    (state) => {
      expect(countdownLabel(state, { distrusted: true, tone: 'bad' })).toEqual({
        label: 'Untrusted',
        tone: 'bad',
      });
      expect(countdownLabel(state, { distrusted: true, tone: 'warn' })).toEqual({
        label: 'Untrusted',
        tone: 'warn',
      });
    },
  );
});
