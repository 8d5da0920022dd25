import { describe, expect, it } from 'vitest';
import { callbackErrorOf } from './callbackErrorOf.ts';

const at = (search: string) => new URL(`https://portal.example.org/callback/local${search}`);

describe('callbackErrorOf', () => {
  it.each([
    [
      '?error=access_denied&error_description=User+cancelled&state=s',
      { error: 'access_denied', description: 'User cancelled' },
    ],
    ['?error=login_required&state=s', { error: 'login_required' }],
    ['?code=c&state=s', undefined],
  ])('reads %s', (search, expected) => {
    expect(callbackErrorOf(at(search))).toEqual(expected);
  });
});
