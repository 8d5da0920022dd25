import type { SendResult } from '../../shared/bearer/send.ts';
import { roleProblem } from '../../shared/token/judgeToken.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';

/** What the API should answer one cell, from the preset's `requiredRole` and the token sent. */
export type Expected =
  | { kind: 'accepted'; why: string }
  | { kind: 'refused'; status: 401 | 403; why: string };

/**
 * The answer a cell should get: a probe (no token, tampered, expired, ID token) and an identity
 * whose token has expired must get 401; a token without the preset's realm role 403; any other
 * valid access token 2xx (a request with no `requiredRole` is open to any valid token).
 */
export function expectedOutcome(input: {
  probe: boolean;
  token: TokenReading | undefined;
  requiredRole: string | undefined;
  /** Server time (seconds) when the request left. */
  serverNow: number;
}): Expected {
  const { probe, token, requiredRole, serverNow } = input;
  if (probe) return { kind: 'refused', status: 401, why: 'no valid access token was sent' };
  if (!token) return { kind: 'refused', status: 401, why: 'no token was sent' };
  if (token.exp !== undefined && token.exp <= serverNow)
    return { kind: 'refused', status: 401, why: 'the token had expired' };
  if (requiredRole && token.readable && roleProblem(token, requiredRole)) {
    return { kind: 'refused', status: 403, why: `the token lacks the realm role “${requiredRole}”` };
  }
  return {
    kind: 'accepted',
    why: requiredRole
      ? `the token has the realm role “${requiredRole}”`
      : 'any valid access token may call it',
  };
}

/**
 * How an answer compares with the expectation. A `finding` is access that should have been
 * refused; `differs` is any other mismatch (a refusal of a token that should pass, 403 for 401…);
 * `unknown` is no HTTP answer at all (network error, timeout, cancelled).
 */
export type Check =
  | { kind: 'match' | 'unknown'; text: string }
  | { kind: 'finding' | 'differs'; text: string };

const expectedText = (expected: Expected) => (expected.kind === 'accepted' ? '2xx' : String(expected.status));

export function checkOutcome(expected: Expected, result: SendResult): Check {
  if (result.kind !== 'response') return { kind: 'unknown', text: 'No HTTP answer to compare.' };
  const { status } = result;
  const ok = status >= 200 && status < 300;
  const want = `Expected ${expectedText(expected)} (${expected.why})`;
  if (expected.kind === 'accepted') {
    return ok ? { kind: 'match', text: `${want}.` } : { kind: 'differs', text: `${want}, got ${status}.` };
  }
  if (ok) return { kind: 'finding', text: `${want}, but the API answered ${status}: access granted.` };
  if (status === expected.status) return { kind: 'match', text: `${want}.` };
  return { kind: 'differs', text: `${want}, got ${status}.` };
}
