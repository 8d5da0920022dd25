import type { Explanation } from '../../explanation.ts';
import type { Expectations } from '../../token/judgeToken.ts';

export type VerdictKind =
  | 'ok'
  | 'accepted-bad-token'
  | 'no-token'
  | 'expired'
  | 'not-yet-valid'
  | 'signature'
  | 'wrong-token-type'
  | 'missing-role'
  | 'audience'
  | 'audience-config'
  | 'issuer'
  | 'insufficient-scope'
  | 'invalid-token'
  | 'invalid-request'
  | 'unauthorized'
  | 'forbidden'
  | 'gateway'
  | 'web-page'
  | 'no-response'
  | 'timeout'
  | 'cancelled'
  | 'redirect'
  | 'dpop-required'
  | 'blocked-by-csp'
  | 'http-status';

/** One answer explained: who answered, why, and what to do next (even after a 200). */
export type Verdict = Explanation<VerdictKind> & { next: string };

/**
 * A token the API must refuse, sent on purpose to see that it does: no token, a tampered
 * signature, or the ID token. Its refusal is the expected answer, and is named for what was done.
 */
export type Probe = 'none' | 'tampered' | 'id';

export interface ExplainContext {
  /** Server time when the request left, in ms (local time + measured clock skew). */
  sentAtMs: number;
  /** Set when the token was one the API must refuse, sent on purpose. */
  probe?: Probe | undefined;
  /** What the environment's API expects of a token (config.json). */
  expected: Expectations;
  portalOrigin: string;
  /** The request as curl with a $TOKEN placeholder. */
  curl: string;
  /** How long after exp the API still accepts a token (api.clockLeewaySeconds; default 60). */
  leewaySeconds?: number | undefined;
  /** The request's method: a change of data may have happened behind a hidden answer. */
  method?: string | undefined;
}
