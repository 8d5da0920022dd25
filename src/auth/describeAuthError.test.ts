import { ErrorResponse } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { describeAuthError } from './describeAuthError.ts';

const wrapped = (innerError: unknown) => ({
  name: 'Error',
  message: 'x',
  source: 'signinCallback',
  innerError,
});

describe('describeAuthError', () => {
  it('explains access_denied from the realm with a next step', () => {
    const result = describeAuthError(
      wrapped(new ErrorResponse({ error: 'access_denied', error_description: 'User cancelled' })),
    );
    expect(result).toMatchObject({
      kind: 'idp-error',
      code: 'access_denied',
      description: 'User cancelled',
      signInAgain: true,
    });
    expect(result.next).toContain('LOGIN_ERROR');
  });

  it('treats an inactive session on refresh as the end of the session', () => {
    const form = new URLSearchParams({ refresh_token: 'secret-refresh-token' });
    const error = new ErrorResponse(
      { error: 'invalid_grant', error_description: 'Session not active' },
      form,
    );
    const result = describeAuthError(wrapped(error));
    expect(result.kind).toBe('session-ended');
    expect(JSON.stringify(result)).not.toContain('secret-refresh-token');
  });

  it('says a replayed callback is stale', () => {
    expect(describeAuthError(wrapped(new Error('No matching state found in storage'))).kind).toBe(
      'stale-callback',
    );
  });

  it('says when the realm cannot be reached', () => {
    expect(describeAuthError(wrapped(new TypeError('Failed to fetch'))).kind).toBe('network');
  });

  it('falls back to the message for anything else', () => {
    expect(describeAuthError(new Error('odd'))).toMatchObject({ kind: 'unknown', explanation: 'odd' });
  });
});
