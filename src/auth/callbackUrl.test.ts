import { describe, expect, it } from 'vitest';
import { callbackErrorOf, isCallbackFor } from './callbackUrl.ts';

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

describe('isCallbackFor', () => {
  const local = { redirectUri: '/callback/local' } as Parameters<typeof isCallbackFor>[0];
  it.each([
    ['/callback/local?code=c&state=s', true],
    ['/callback/local?error=access_denied&state=s', true],
    ['/callback/local?code=c', false],
    ['/callback/acceptance?code=c&state=s', false],
    ['/?code=c&state=s', false],
  ])('takes %s for the callback: %s', (path, expected) => {
    expect(isCallbackFor(local, new URL(path, 'https://portal.example.org'))).toBe(expected);
  });
});
