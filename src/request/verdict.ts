import type { TokenChoice } from './chooseToken.ts';
import { allRoles, type TokenFacts } from './tokenFacts.ts';

export type VerdictKind =
  | 'ok'
  | 'accepted-bad-token'
  | 'no-token'
  | 'expired'
  | 'signature'
  | 'wrong-token-type'
  | 'missing-role'
  | 'audience'
  | 'issuer'
  | 'insufficient-scope'
  | 'invalid-token'
  | 'invalid-request'
  | 'unauthorized'
  | 'forbidden'
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
  /** Set when WWW-Authenticate could not be read, so the verdict rests on the token alone. */
  note?: string;
  /** A command to retry outside the browser (no-response, redirect). */
  curl?: string;
}

export interface ExplainContext {
  /** Server time when the request left (local time + measured clock skew). */
  sentAtMs: number;
  choice?: TokenChoice;
  /** The environment's realm: the issuer its tokens must carry. */
  issuer: string;
  audience?: string | undefined;
  requiredRole: string;
  portalOrigin: string;
  /** The request as curl with a $TOKEN placeholder. */
  curl: string;
}

export const hasRole = (facts: TokenFacts, role: string) =>
  facts.realmRoles.includes(role) || Object.values(facts.clientRoles).some((roles) => roles.includes(role));
export const listRoles = (facts: TokenFacts) =>
  allRoles(facts).length ? allRoles(facts).join(', ') : 'none';
export const who = (facts: TokenFacts) => facts.username ?? facts.sub ?? 'an unknown user';
