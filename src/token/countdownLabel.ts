import type { Tone } from '../shared/explanation.ts';
import type { TimeState } from '../shared/token/tokenTime.ts';

const LABEL: Record<TimeState, [label: string, tone: Tone]> = {
  fresh: ['Valid', 'ok'],
  expiring: ['Expiring soon', 'warn'],
  expired: ['Expired', 'bad'],
  'not-yet-valid': ['Not valid yet', 'warn'],
  'no-expiry': ['No expiry', 'info'],
};

/** What the token's verdict says of it: whether it distrusts the token, and in which tone. */
export interface VerdictLook {
  distrusted: boolean;
  tone: Tone;
}

/**
 * What the countdown calls the token, and in which tone: its time (valid, expiring, expired…),
 * unless the verdict distrusts it (case 15). Then "Untrusted" in the verdict's own tone, the clock
 * still counting: a token the verdict says not to trust is never "Valid" beside it.
 */
export function countdownLabel(state: TimeState, verdict: VerdictLook): { label: string; tone: Tone } {
  if (verdict.distrusted) return { label: 'Untrusted', tone: verdict.tone };
  const [label, tone] = LABEL[state];
  return { label, tone };
}
