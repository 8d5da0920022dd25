import { ErrorResponse } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { describeRefreshError, isRefreshError } from './refreshFailure.ts';

const wrapped = (innerError: unknown) => ({
  name: 'Error',
  message: 'x',
  source: 'signinSilent',
  innerError,
});
const idpError = (error: string, description?: string) =>
  wrapped(
    new ErrorResponse(
      { error, error_description: description ?? null },
      new URLSearchParams({ refresh_token: 'SECRET' }),
    ),
  );

describe('describeRefreshError', () => {
  it.each([
    ['Session not active', 'an admin signed you out'],
    ['Token is not active', 'refresh token expired'],
    ['Maximum allowed refresh token reuse exceeded', 'had been used before'],
  ])("says what Keycloak's %j means", (description, meaning) => {
    const failure = describeRefreshError(idpError('invalid_grant', description));
    expect(failure.detail).toContain(`(${description})`);
    expect(failure.detail).toContain(meaning);
  });

  it.each([
    ['Token is not active'],
    ['Session not active'],
    ['Stale token'],
    ['Maximum allowed refresh token reuse exceeded'],
    ['grant request is invalid'],
    [undefined],
  ])('treats invalid_grant %j as the end of the session', (description) => {
    const failure = describeRefreshError(idpError('invalid_grant', description));
    expect(failure.kind).toBe('session-ended');
    expect(failure.title).toBe('Your session ended');
  });

  it.each([
    [new TypeError('Failed to fetch'), 'network'],
    [new Error('Invalid response Content-Type: text/html, from URL: https://x/token'), 'proxy'],
    [new Error('Unexpected token \'<\', "<html>" is not valid JSON'), 'proxy'],
    [new Error('Timed out'), 'timeout'],
  ])('keeps the current token on %s', (error, kind) => {
    const failure = describeRefreshError(wrapped(error));
    expect(failure.kind).toBe(kind);
    expect(failure.next).toContain('current token is kept');
  });

  it('never repeats the refresh token from the failed request', () => {
    expect(
      JSON.stringify(describeRefreshError(idpError('invalid_grant', 'Session not active'))),
    ).not.toContain('SECRET');
  });
});

describe('isRefreshError', () => {
  it.each([
    ['signinSilent', true],
    ['renewSilent', true],
    ['signinCallback', false],
    ['signoutRedirect', false],
  ])('takes an error from %s for a refresh failure: %s', (source, refresh) => {
    expect(isRefreshError({ source })).toBe(refresh);
  });
});
