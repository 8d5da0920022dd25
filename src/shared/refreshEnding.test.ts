import { ErrorResponse } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { PortalCheckError } from './portalCheck.ts';
import { refreshEnding } from './refreshEnding.ts';

describe('refreshEnding', () => {
  it.each([
    [
      'invalid_grant',
      'terminal',
      new ErrorResponse({ error: 'invalid_grant', error_description: 'Session not active' }),
    ],
    [
      'our identity check',
      'identity',
      new PortalCheckError({ kind: 'identity-changed', before: 'a', after: 'b' }),
    ],
    ["the library's ID token check", 'identity', new Error('sub in id_token does not match current sub')],
    ['a network failure', null, new TypeError('Failed to fetch')],
    ['another realm error', null, new ErrorResponse({ error: 'invalid_request' })],
    [
      "react-oidc-context's wrapper of invalid_grant",
      'terminal',
      { source: 'signinSilent', innerError: { error: 'invalid_grant' } },
    ],
    [
      'our check, wrapped',
      'identity',
      { innerError: new PortalCheckError({ kind: 'identity-changed', before: 'a', after: 'b' }) },
    ],
  ] as const)('sees %s as %s', (_, ending, error) => {
    expect(refreshEnding(error)).toBe(ending);
  });
});
