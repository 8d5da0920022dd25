import { formatSpan } from '../shared/token/formatDuration.ts';
import type { TokenFacts } from './tokenFacts.ts';
import { type ExplainContext, listRoles, type Verdict, who } from './verdict.ts';

/** A 2xx: fine for a good token or none, but a finding when the API let a bad token through. */
export function explainAccepted(
  statusLine: string,
  facts: TokenFacts | undefined,
  expiredBy: number | undefined,
  context: ExplainContext,
): Verdict {
  const bad = (title: string, detail: string, severity: Verdict['severity'] = 'bad'): Verdict => ({
    kind: 'accepted-bad-token',
    title,
    detail,
    next: 'Report it to the API team: an API must refuse such a token (RFC 6750 §3.1, invalid_token).',
    severity,
  });
  if (!facts) {
    return {
      kind: 'ok',
      title: `${statusLine} without a token`,
      detail: 'The API answered without any token: this endpoint is public.',
      next: 'If it should require a token, report it to the API team.',
      severity: 'warn',
    };
  }
  if (context.choice === 'tampered') {
    return bad(
      `${statusLine} for a tampered token`,
      'The API accepted a token whose signature was changed: it does not verify signatures.',
    );
  }
  if (context.choice === 'id' || (facts.typ !== undefined && facts.typ.toLowerCase() !== 'bearer')) {
    return bad(
      `${statusLine} for an ID token`,
      `The API accepted a token of type “${facts.typ ?? 'none'}”: it does not check the token type.`,
    );
  }
  if (expiredBy !== undefined && expiredBy > 0) {
    return bad(
      `${statusLine} for an expired token`,
      `The token expired ${formatSpan(expiredBy)} before the request, yet the API accepted it${expiredBy <= 60 ? ' (maybe within a clock leeway)' : ''}.`,
      expiredBy <= 60 ? 'warn' : 'bad',
    );
  }
  const stillValid = context.choice === 'expired' && expiredBy !== undefined && expiredBy <= 0;
  return {
    kind: 'ok',
    title: `${statusLine}: the API accepted the request`,
    detail: `Sent as ${who(facts)} (roles: ${listRoles(facts)}).${stillValid ? ` The earlier token had not expired yet (${formatSpan(-expiredBy)} left), so the API rightly accepted it.` : ''}`,
    next: 'Take it elsewhere with “Copy as curl”, or try the other tokens with the unauthorized matrix.',
    severity: 'ok',
  };
}
