import { describe, expect, it } from 'vitest';
import { popupProblemOf } from './popupProblem.ts';

describe('popupProblemOf', () => {
  it.each([
    [new Error('Popup closed by user'), 'popup-closed'],
    [new Error('Popup blocked by the browser'), 'popup-blocked'],
    [new Error('Error opening popup window'), null],
    [new Error('invalid_grant'), null],
    ['Popup closed by user', 'popup-closed'],
  ])('%s → %s', (cause, expected) => {
    expect(popupProblemOf(cause)).toBe(expected);
  });
});
