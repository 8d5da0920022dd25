import { DEFAULT_LEEWAY_SECONDS } from '../../../config/readConfig.ts';
import { formatSpan } from '../../token/formatDuration.ts';
import { timeProblems } from '../../token/judgeToken.ts';
import { listRoles, type TokenReading, whoOf } from '../../token/readToken.ts';
import type { ExplainContext, Verdict } from './verdict.ts';

/** A 2xx from the API: fine for a good token or none, but a finding when it let a bad token through. */
export function explainAccepted(
  statusLine: string,
  sent: TokenReading | undefined,
  context: ExplainContext,
): Verdict {
  const bad = (title: string, detail: string, tone: Verdict['tone'] = 'bad'): Verdict => ({
    kind: 'accepted-bad-token',
    title,
    detail,
    next: 'Report it to the API team: an API must refuse such a token (RFC 6750 §3.1, invalid_token).',
    tone,
  });
  if (!sent) {
    return {
      kind: 'ok',
      title: `${statusLine} without a token`,
      detail: 'The API answered without any token: this endpoint is public.',
      next: 'If it should require a token, report it to the API team.',
      tone: 'warn',
    };
  }
  if (context.probe === 'tampered') {
    return bad(
      `${statusLine} for a tampered token`,
      'The API accepted a token whose signature was changed: it does not verify signatures.',
    );
  }
  if (context.probe === 'id' || (sent.typ !== undefined && sent.typ.toLowerCase() !== 'bearer')) {
    return bad(
      `${statusLine} for an ID token`,
      `The API accepted a token of type “${sent.typ ?? 'none'}”: it does not check the token type.`,
    );
  }
  const expired = timeProblems(sent, context.sentAtMs / 1000).find((p) => p.kind === 'expired');
  if (expired?.kind === 'expired') {
    const ago = expired.secondsAgo;
    const leeway = context.leewaySeconds ?? DEFAULT_LEEWAY_SECONDS;
    if (ago <= leeway) {
      // RFC 7519 §4.1.4 allows "some small leeway"; Spring Security allows 60 s by default.
      return {
        kind: 'ok',
        title: `${statusLine}: accepted inside the API's clock leeway`,
        detail: `The token expired ${formatSpan(ago)} before the request, inside the ${formatSpan(leeway)} of clock leeway this API is configured to allow (api.clockLeewaySeconds in config.json). Accepting it is normal, not a defect.`,
        next: `To see the API refuse an expired token, send it more than ${formatSpan(leeway)} after it expired: “Send when it expires” waits that long. If the API’s leeway is another, set api.clockLeewaySeconds.`,
        tone: 'info',
      };
    }
    return bad(
      `${statusLine} for an expired token`,
      `The token expired ${formatSpan(ago)} before the request, past the ${formatSpan(leeway)} of clock leeway config.json gives this API (api.clockLeewaySeconds), yet the API accepted it. If the API really allows more, set api.clockLeewaySeconds to its leeway.`,
    );
  }
  return {
    kind: 'ok',
    title: `${statusLine}: the API accepted the request`,
    detail: `Sent as ${whoOf(sent)} (roles: ${listRoles(sent.roles)}).`,
    next: 'Take it elsewhere with “Copy as curl”, or try the other tokens with the unauthorized matrix.',
    tone: 'ok',
  };
}
