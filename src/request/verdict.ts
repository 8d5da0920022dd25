import type { Expectations } from '../shared/token/judgeToken.ts';
import type { TokenChoice } from './chooseToken.ts';

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
  | 'http-status';

export interface Verdict {
  kind: VerdictKind;
  title: string;
  detail: string;
  /** What to do now, in one sentence. */
  next: string;
  severity: 'ok' | 'info' | 'warn' | 'bad';
  /** Where the verdict's evidence came from, when it is not the WWW-Authenticate header. */
  note?: string;
  /** A command to retry outside the browser (no-response, redirect). */
  curl?: string;
}

export interface ExplainContext {
  /** Server time when the request left, in ms (local time + measured clock skew). */
  sentAtMs: number;
  choice?: TokenChoice;
  /** What the environment's API expects of a token (config.json). */
  expected: Expectations;
  portalOrigin: string;
  /** The request as curl with a $TOKEN placeholder. */
  curl: string;
}
