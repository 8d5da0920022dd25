import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { localClock } from '../../shared/format.ts';
import { PortalCheckError } from '../../shared/portalCheck.ts';
import { isRefreshError } from '../../shared/refreshEnding.ts';
import { describeRefreshError, type RefreshFailure, SIGN_IN_AGAIN } from './refreshFailure.ts';

const isTerminal = (failure: RefreshFailure) =>
  failure.kind === 'session-ended' || failure.kind === 'identity-changed';

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
const valid = { expiresAt: new Date(2030, 0, 1, 14, 32, 10), expired: false };
const expired = { expiresAt: new Date(2030, 0, 1, 14, 32, 10), expired: true };
const at = localClock(valid.expiresAt.getTime());

describe('describeRefreshError', () => {
  it("case 22: an idle-expired refresh token (Keycloak's “Token is not active”) ends the session, said as expiry", () => {
    const failure = describeRefreshError(idpError('invalid_grant', 'Token is not active'), expired);
    expect(failure.kind).toBe('session-ended');
    expect(isTerminal(failure)).toBe(true);
    expect(failure.title).toBe('Your session ended: it expired (idle or too old)');
    expect(failure.detail).toContain('(Token is not active)');
    expect(failure.note).toBe(
      `The access token in hand expired at ${at}: nothing of this session works any more.`,
    );
  });

  it('case 23: a session ended at the realm (“Session not active”) says the access token in hand works until its exp', () => {
    const failure = describeRefreshError(idpError('invalid_grant', 'Session not active'), valid);
    expect(failure.kind).toBe('session-ended');
    expect(failure.title).toBe('Your session ended at the realm');
    expect(failure.detail).toContain('an admin signed you out');
    expect(failure.note).toContain(`still works at the API until its exp, ${at}:`);
    expect(failure.note).toContain('a reload signs you out');
    expect(failure.next).toBe(SIGN_IN_AGAIN);
  });

  it('names the identity sign-in that replaced the realm session, instead of an admin', () => {
    const at = Date.UTC(2026, 0, 2, 10, 20, 30);
    const failure = describeRefreshError(idpError('invalid_grant', 'Session not active'), valid, {
      at,
      who: 'patient',
    });
    expect(failure.title).toBe('Your session ended: patient’s sign-in replaced it at the realm');
    expect(failure.detail).toContain(
      `At ${localClock(at)}, patient signed in through the realm as an identity`,
    );
    expect(failure.detail).not.toContain('an admin');
    expect(failure.next).toBe(SIGN_IN_AGAIN);
  });

  it('names an identity pop-up that did not finish (Keycloak’s ⟳ ends the session on its own)', () => {
    const failure = describeRefreshError(idpError('invalid_grant', 'Session not active'), valid, {
      at: 0,
      who: null,
    });
    expect(failure.title).toBe('Your session ended: an identity sign-in replaced it at the realm');
    expect(failure.detail).toContain('closed before it finished');
    expect(failure.detail).toContain('⟳ (“Restart login”)');
  });

  it('keeps the realm’s own cause when it is not a session that ended (an expired refresh token)', () => {
    const failure = describeRefreshError(idpError('invalid_grant', 'Token is not active'), valid, {
      at: 0,
      who: 'patient',
    });
    expect(failure.title).toBe('Your session ended: it expired (idle or too old)');
  });

  it.each([['Maximum allowed refresh token reuse exceeded'], ['Stale token']])(
    'case 24: a replayed refresh token (%j) ends the session, without a retry',
    (description) => {
      const failure = describeRefreshError(idpError('invalid_grant', description), valid);
      expect(failure.title).toBe('Your session ended: a refresh token was used twice');
      expect(failure.detail).toContain(
        'A refresh with the newest one fails too, so the portal does not retry',
      );
      expect(isTerminal(failure)).toBe(true);
    },
  );

  it.each([['Maximum allowed refresh token reuse exceeded'], ['Stale token'], ['grant request is invalid']])(
    'case 31: a refusal (%j) of the refresh token kept from an answer without one names that answer as the cause',
    (description) => {
      const failure = describeRefreshError(idpError('invalid_grant', description), {
        ...valid,
        refreshTokenKept: true,
      });
      expect(failure.kind).toBe('session-ended');
      expect(failure.title).toBe(
        'Your session ended: the refresh token kept from the last refresh was already spent',
      );
      expect(failure.detail).toContain(`(${description})`);
      expect(failure.detail).toContain(
        'The realm answered the last refresh without a new refresh token, so the portal kept the previous one',
      );
      expect(failure.detail).not.toContain('another tab or tool');
      expect(failure.next).toMatch(/^Sign in again\./);
      expect(failure.note).toContain('still works at the API until its exp');
    },
  );

  it("case 31: the realm's own other reason (idle expiry) wins over the kept refresh token", () => {
    const failure = describeRefreshError(idpError('invalid_grant', 'Token is not active'), {
      ...expired,
      refreshTokenKept: true,
    });
    expect(failure.title).toBe('Your session ended: it expired (idle or too old)');
  });

  it.each([['grant request is invalid'], [undefined]])(
    'treats any other invalid_grant (%j) as the end of the session',
    (description) => {
      const failure = describeRefreshError(idpError('invalid_grant', description));
      expect(failure.kind).toBe('session-ended');
      expect(failure.title).toBe('Your session ended');
      expect(failure.note).toBeUndefined();
    },
  );

  it.each([
    [new Error('Invalid response Content-Type: text/html, from URL: https://x/token')],
    [new Error('Unexpected token \'<\', "<html>" is not valid JSON')],
  ])('case 25: a web page from a proxy (%s) keeps the current token, usable until it expires', (error) => {
    const failure = describeRefreshError(wrapped(error));
    expect(failure.kind).toBe('proxy');
    expect(isTerminal(failure)).toBe(false);
    expect(failure.next).toContain('current token is kept and works until it expires');
  });

  it('case 26: a token answer CORS hid warns that the refresh token may be spent', () => {
    const failure = describeRefreshError(wrapped(new TypeError('Failed to fetch')));
    expect(failure.kind).toBe('network');
    expect(failure.detail).toContain('CORS blocked the response');
    expect(failure.note).toContain('it may have spent the one this tab holds');
    expect(failure.note).toContain('the next Refresh would then end the session');
    expect(isTerminal(failure)).toBe(false);
  });

  it("case 27: oidc-client-ts's own timeout (ErrorTimeout “Network timed out”) is a timeout, not an unknown error", () => {
    const failure = describeRefreshError(wrapped(new ErrorTimeout('Network timed out')));
    expect(failure.kind).toBe('timeout');
    expect(failure.detail).toBe(
      'The realm did not answer the refresh in time, so the portal stopped waiting.',
    );
    expect(failure.note).toContain('may have reached the realm');
  });

  it.each([
    [new PortalCheckError({ kind: 'identity-changed', before: 'therapist', after: 'patient' })],
    [new Error('sub in id_token does not match current sub')],
    [new Error('auth_time in id_token does not match original auth_time')],
  ])('case 30: a refresh answered for another user (%s) signs out, explained', (error) => {
    const failure = describeRefreshError(wrapped(error));
    expect(failure.kind).toBe('identity-changed');
    expect(isTerminal(failure)).toBe(true);
    expect(failure.title).toBe("Signed out: the refresh answered with another user's tokens");
    expect(failure.detail).toContain('rather than mix two identities');
  });

  it('names both users when the portal caught the swap itself', () => {
    const failure = describeRefreshError(
      wrapped(new PortalCheckError({ kind: 'identity-changed', before: 'therapist', after: 'patient' })),
    );
    expect(failure.detail).toContain(
      "This tab was signed in as therapist; the realm's answer was for patient",
    );
  });

  it('case 46: never repeats the refresh token of the failed request (ErrorResponse.form)', () => {
    for (const description of ['Session not active', 'Token is not active', undefined]) {
      expect(
        JSON.stringify(describeRefreshError(idpError('invalid_grant', description), valid)),
      ).not.toContain('SECRET');
    }
    expect(JSON.stringify(describeRefreshError(idpError('invalid_request', 'x')))).not.toContain('SECRET');
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
