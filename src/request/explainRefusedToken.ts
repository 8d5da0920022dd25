import { sameIssuer } from '../config/realmUrls.ts';
import { formatSpan } from '../shared/token/formatDuration.ts';
import type { TokenFacts } from './tokenFacts.ts';
import { type ExplainContext, listRoles, type Verdict, who } from './verdict.ts';

export interface RefusedToken {
  facts: TokenFacts;
  statusLine: string;
  description: string;
  said: string;
  expiredBy: number | undefined;
  context: ExplainContext;
  error: string | undefined;
}

/** A 401 (or a 400 without a known code) for a token that was sent: what is wrong with it? */
export function explainRefusedToken(input: RefusedToken): Omit<Verdict, 'note'> {
  const { facts, description, said, context } = input;
  const hinted = (pattern: RegExp) => pattern.test(description);
  const typMismatch = facts.typ !== undefined && facts.typ.toLowerCase() !== 'bearer';
  const expired = input.expiredBy !== undefined && input.expiredBy >= 0;
  const issuerMismatch = facts.readable && !sameIssuer(facts.iss, context.issuer);
  const audienceMismatch =
    facts.readable && context.audience !== undefined && !facts.aud.includes(context.audience);

  // A token broken on purpose is named for what was done to it (the API may also see it expired);
  // then the API's own words; then what the token shows, most specific first.
  if (context.choice === 'tampered') return signature(input);
  if (context.choice === 'id' || typMismatch) return wrongType(input);
  if (hinted(/expir|\bexp\b/i)) return expiredVerdict(input);
  if (hinted(/signature|verif|\bJWS\b|\bkid\b|\bkey\b/i)) return signature(input);
  if (hinted(/\btyp\b|token type|id token/i)) return wrongType(input);
  if (hinted(/audience|\baud\b/i)) return audience(input);
  if (hinted(/issuer|\biss\b/i)) return issuer(input);
  if (!facts.readable) {
    return {
      kind: 'invalid-token',
      title: 'The API refused a token it cannot use',
      detail: `${facts.problem ?? ''}${said}`,
      next: 'Send the current access token of this environment.',
      severity: 'bad',
    };
  }
  if (expired) return expiredVerdict(input);
  if (issuerMismatch) return issuer(input);
  if (audienceMismatch) return audience(input);
  if (input.error === 'invalid_token') {
    return {
      kind: 'invalid-token',
      title: 'The API refused the token',
      detail: `${input.statusLine}, error “invalid_token”.${said || ' It gives no description.'}`,
      next: 'Refresh the token and send again; if it persists, compare the token’s claims with what the API expects.',
      severity: 'bad',
    };
  }
  return {
    kind: 'unauthorized',
    title: `${input.statusLine}, without a reason`,
    detail: `The token looks valid here (${who(facts)}, not expired, this realm), but the API gives no error code.${said} If WWW-Authenticate has no “error”, the API may not have received the token at all (RFC 6750 §3.1): a proxy may strip Authorization.`,
    next: 'Retry with curl to read the full answer, and check what sits between the browser and the API.',
    severity: 'bad',
  };
}

function expiredVerdict({ facts, expiredBy, said }: RefusedToken): Omit<Verdict, 'note'> {
  if (expiredBy === undefined || expiredBy < 0) {
    const left =
      expiredBy === undefined ? 'the token has no exp claim' : `it had ${formatSpan(-expiredBy)} left`;
    return {
      kind: 'expired',
      title: 'The API says the token expired',
      detail: `By the server time this portal estimates, ${left} when sent: the API’s clock may be ahead, or it allows less lifetime.${said}`,
      next: 'Refresh the token and send again; if it keeps happening, compare the API’s clock with the realm’s.',
      severity: 'bad',
    };
  }
  return {
    kind: 'expired',
    title: `The token expired ${formatSpan(expiredBy)} before the request`,
    detail: `Its exp is ${new Date((facts.exp ?? 0) * 1000).toISOString()}; the request left ${formatSpan(expiredBy)} after that, by the server’s clock.${said}`,
    next: 'Refresh the token and send again.',
    severity: 'bad',
  };
}

function signature({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  const foreign = facts.readable && !sameIssuer(facts.iss, context.issuer);
  return {
    kind: 'signature',
    title: 'Signature rejected',
    detail:
      context.choice === 'tampered'
        ? `The token’s signature was changed on purpose, and the API noticed: this is the refusal it owes.${said}`
        : foreign
          ? `The token was issued by ${facts.iss ?? 'another realm'}, not by this environment’s realm (${context.issuer}): a foreign token.${said}`
          : `The API could not verify the signature: the token was altered, comes from another realm or environment, or the realm’s keys changed.${said}`,
    next: 'Send the current access token of this environment (sign in again if needed).',
    severity: context.choice === 'tampered' ? 'info' : 'bad',
  };
}

function wrongType({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  const isId = context.choice === 'id' || facts.typ === 'ID';
  return {
    kind: 'wrong-token-type',
    title: isId ? 'Wrong token type: an ID token was sent' : 'Wrong token type',
    detail: `The API wants an access token (typ “Bearer”); this token has typ “${facts.typ ?? 'none'}”.${said}`,
    next: 'Send the access token: the ID token tells the portal who signed in, it is not meant for the API.',
    severity: context.choice === 'id' ? 'info' : 'bad',
  };
}

function audience({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  return {
    kind: 'audience',
    title: 'Audience mismatch: the token is not meant for this API',
    detail: `The token’s aud is “${facts.aud.join(', ') || 'none'}”${context.audience ? `; the API expects “${context.audience}”` : ''}.${said}`,
    next: 'Ask the realm admin for an audience mapper that adds the API to this client’s tokens, then sign in again.',
    severity: 'bad',
  };
}

function issuer({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  return {
    kind: 'issuer',
    title: 'Issuer mismatch: the token comes from another realm',
    detail: `The token’s iss is “${facts.iss ?? 'none'}”; this environment’s realm is “${context.issuer}”.${said}`,
    next: 'Use a token of this environment: sign in again here, or switch to the environment the token comes from.',
    severity: 'bad',
  };
}

/** A 403 (or insufficient_scope) for a readable token that lacks the role the API requires. */
export function missingRole(facts: TokenFacts, context: ExplainContext, said: string): Omit<Verdict, 'note'> {
  const role = context.requiredRole;
  return {
    kind: 'missing-role',
    title: `The token lacks the role “${role}”`,
    detail: `Signed in as ${who(facts)}, whose token has the roles: ${listRoles(facts)}. The API requires the realm role “${role}”.${said}`,
    next: `Sign in as a user with the realm role “${role}” (e.g. a ${role}), or ask the realm admin to grant it.`,
    severity: 'bad',
  };
}
