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

  it.each([
    ['temporarily_unavailable', 'authentication_expired', 'stayed open too long'],
    ['unauthorized_client', 'Invalid client or Invalid client credentials', 'Client authentication off'],
    ['invalid_grant', 'PKCE verification failed', 'S256'],
    ['invalid_request', 'Invalid parameter: redirect_uri', 'Valid redirect URIs'],
    ['invalid_grant', 'Code not valid', 'Sign in again.'],
    ['access_denied', undefined, 'LOGIN_ERROR'],
  ])('explains Keycloak %s "%s" in words that lead to the fix (%s)', (error, description, words) => {
    const result = describeAuthError(wrapped(new ErrorResponse({ error, error_description: description })));
    expect(`${result.detail} ${result.next}`).toContain(words);
    expect(result).toMatchObject({ kind: 'idp-error', askAdmin: true });
  });

  it.each([
    [new Error('No matching state found in storage'), false],
    [new TypeError('Failed to fetch'), false],
    [new Error('odd'), true],
  ])('sends %s to the realm admin: %s', (inner, askAdmin) => {
    expect(describeAuthError(wrapped(inner)).askAdmin).toBe(askAdmin);
  });

  it('says a failed sign-out left the realm session open, not that signing in failed', () => {
    const error = {
      name: 'Error',
      message: 'x',
      source: 'signoutRedirect',
      innerError: new Error('No end session endpoint'),
    };
    expect(describeAuthError(error)).toMatchObject({ kind: 'signout-failed', signInAgain: false });
    expect(describeAuthError(error).detail).toContain('No end session endpoint');
  });

  it('falls back to the message for anything else', () => {
    expect(describeAuthError(new Error('odd'))).toMatchObject({ kind: 'unknown', detail: 'odd' });
  });
});

describe('describeAuthError with the callback URL', () => {
  it("keeps the realm's own error and description when the state is stale", () => {
    const result = describeAuthError(wrapped(new Error('No matching state found in storage')), {
      error: 'invalid_request',
      description: 'Invalid parameter: redirect_uri',
    });
    expect(result).toMatchObject({
      kind: 'idp-error',
      code: 'invalid_request',
      description: 'Invalid parameter: redirect_uri',
      title: 'The realm answered invalid_request',
    });
    expect(result.detail).toContain('Valid redirect URIs');
    expect(result.detail).toContain('This tab has no record of starting that sign-in');
  });

  it('still calls a replayed success stale', () => {
    expect(describeAuthError(wrapped(new Error('No matching state found in storage')), undefined).kind).toBe(
      'stale-callback',
    );
  });
});
