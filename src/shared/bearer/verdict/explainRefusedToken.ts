import { problemText } from '../../token/explainJudgement.ts';
import { formatSpan } from '../../token/formatDuration.ts';
import { roleProblem, staticProblems, type TokenProblem, timeProblems } from '../../token/judgeToken.ts';
import { type TokenReading, whoOf } from '../../token/readToken.ts';
import { readDescription } from './knownDescriptions.ts';
import type { ExplainContext, Verdict } from './verdict.ts';

export interface RefusedToken {
  sent: TokenReading;
  statusLine: string;
  /** The API's error code and description (header or body), when it gave them. */
  error: string | undefined;
  description: string;
  /** ` The API says: “…”.` or empty. */
  said: string;
  /** Whether a Bearer challenge was readable (false: no WWW-Authenticate the page can read). */
  challenged?: boolean;
  context: ExplainContext;
}

/** What the token itself shows at the moment it was sent, judged by the one rule set. */
const problemsAtSend = (sent: TokenReading, context: ExplainContext): TokenProblem[] =>
  sent.readable
    ? [...timeProblems(sent, context.sentAtMs / 1000), ...staticProblems(sent, context.expected)]
    : staticProblems(sent, context.expected);

/** A 401 (or a 400 with a bearer code) for a token that was sent: what is wrong with it? */
export function explainRefusedToken(input: RefusedToken): Verdict {
  const { sent, said, context } = input;
  const problems = problemsAtSend(sent, context);
  const has = (kind: TokenProblem['kind']) => problems.find((p) => p.kind === kind);

  // A token broken on purpose is named for what was done to it (the API may also see it expired);
  // then the API's own words, when they are a text the portal knows (never a keyword guess);
  // then the portal's reading of the token that was sent, named as the likely cause.
  if (context.probe === 'tampered') return signature(input);
  if (context.probe === 'id' || has('wrong-type')) return wrongType(input);
  const known = readDescription(input.description);
  switch (known?.cause) {
    case 'expired':
      return expiredVerdict(input, has('expired'));
    case 'not-yet-valid':
      return notYetValid(input, has('not-yet-valid'));
    case 'signature':
      return signature(input);
    case 'wrong-type':
      return wrongType(input);
    case 'audience':
      return audience(input);
    case 'issuer':
      return issuer(input);
    case 'realm-unreachable':
      return {
        kind: 'invalid-token',
        title: 'The API could not reach the realm to check the token',
        detail: `The API refused the token because it could not fetch the realm's metadata or keys: it never judged the token itself.${said}`,
        next: 'The token is not the cause: tell the API team that their service cannot reach the realm (its issuer URL, network or TLS). Send again once it can.',
        tone: 'bad',
      };
    default:
      break;
  }
  const unreadable = has('unreadable');
  if (unreadable?.kind === 'unreadable') {
    return {
      kind: 'invalid-token',
      title: 'The API refused a token it cannot use',
      detail: `${unreadable.message}${said}`,
      next: 'Send the current access token of this environment.',
      tone: 'bad',
    };
  }
  const likely = likelyCause(input, problems);
  if (likely) return likely;
  if (input.error === 'invalid_token') {
    return {
      kind: 'invalid-token',
      title: 'The API refused the token',
      detail: `${input.statusLine}, error “invalid_token”.${said || ' It gives no description.'} The token you sent looks valid here (${whoOf(sent)}, not expired, this realm, the realm role “${context.expected.requiredRole}”).`,
      next: 'Refresh the token and send again; if it persists, compare the token’s claims with what the API expects (ask its team which check failed).',
      tone: 'bad',
    };
  }
  if (input.challenged === false) {
    return {
      kind: 'unauthorized',
      title: `${input.statusLine}, without a reason the page can read`,
      detail: `The answer has no RFC 6750 challenge the page can read, so the API did not say why.${said} The token you sent looks valid here (${whoOf(sent)}, not expired, this realm, the realm role “${context.expected.requiredRole}”${context.expected.audience ? `, aud “${context.expected.audience}”` : ''}). Either the API checks something this token does not match (another audience, issuer, role or scope), or something in front of it refused the call: an SSO gateway that wants a browser session answers API calls this way (oauth2-proxy: 401 and an empty body).`,
      next: 'Ask the API team which check failed (its logs say), and run “Copy as curl” with --include to see the whole answer. If an SSO gateway sits in front of the API, it must accept bearer tokens (oauth2-proxy: --skip-jwt-bearer-tokens).',
      tone: 'bad',
    };
  }
  return {
    kind: 'unauthorized',
    title: `${input.statusLine}, without a reason`,
    detail: `The token looks valid here (${whoOf(sent)}, not expired, this realm), but the API gives no error code.${said} A 401 whose challenge has no “error” usually means the API did not receive the token at all (RFC 6750 §3.1): a proxy may strip Authorization.`,
    next: 'Retry with curl to read the full answer, and check what sits between the browser and the API.',
    tone: 'bad',
  };
}

/** How the API's side of a refusal reads when it did not say (or said only in words the portal does not know). */
function apiSaid({ statusLine, error, description }: RefusedToken): string {
  const code = error ? `, error “${error}”` : '';
  if (description === '') return `The API refused the token (${statusLine}${code}) without saying why.`;
  const known = readDescription(description);
  return known
    ? `The API refused the token (${statusLine}${code}) with “${description}”, ${known.server}’s text for any failed check or claim.`
    : `The API refused the token (${statusLine}${code}) and says “${description}”, which the portal does not interpret.`;
}

/**
 * The API did not say why: the portal's own reading of the token it sent names the likely cause,
 * and says that it is the portal's inference, not the API's word.
 */
function likelyCause(input: RefusedToken, problems: TokenProblem[]): Verdict | null {
  const { sent, context } = input;
  const has = (kind: TokenProblem['kind']) => problems.find((p) => p.kind === kind);
  const infer = (v: Verdict): Verdict => ({
    ...v,
    title: `Likely cause: ${v.title.charAt(0).toLowerCase()}${v.title.slice(1)}`,
    detail: `${apiSaid(input)} ${v.detail} That is the likely cause (the portal’s reading of the token you sent, not the API’s word).`,
  });
  const quiet = { ...input, said: '' };
  const expired = has('expired');
  if (expired) return infer(expiredVerdict(quiet, expired));
  const early = has('not-yet-valid');
  if (early) return infer(notYetValid(quiet, early));
  if (has('foreign-issuer')) return infer(issuer(quiet));
  if (has('wrong-audience')) return infer(audience(quiet));
  const role = sent.readable ? roleProblem(sent, context.expected.requiredRole) : null;
  if (role) {
    const verdict = missingRole(sent, role, context, '');
    return infer({
      ...verdict,
      detail: `${verdict.detail} Some APIs refuse a failed role check with 401 “invalid_token” rather than 403.`,
      next: `${verdict.next} Refreshing the token will not help: a new token of the same user has the same roles.`,
    });
  }
  return null;
}

function notYetValid({ said }: RefusedToken, early: TokenProblem | undefined): Verdict {
  return {
    kind: 'not-yet-valid',
    title: 'The token was not valid yet when it was sent',
    detail: early
      ? `By the server's clock, ${problemText(early)}.${said}`
      : `The API says the token is not valid yet, though by the server's clock it was.${said}`,
    next: 'Send again in a moment; if it keeps happening, compare the API’s clock with the realm’s.',
    tone: 'bad',
  };
}

function expiredVerdict({ sent, said }: RefusedToken, expired: TokenProblem | undefined): Verdict {
  if (expired?.kind !== 'expired') {
    const left =
      sent.exp === undefined ? 'the token has no exp claim' : 'it had not expired yet when it was sent';
    return {
      kind: 'expired',
      title: 'The API says the token expired',
      detail: `By the server's clock (measured from the token's iat when it arrived), ${left}: the API’s clock may be ahead of the realm’s, or it allows less lifetime.${said}`,
      next: 'Refresh the token and send again; if it keeps happening, compare the API’s clock with the realm’s.',
      tone: 'bad',
    };
  }
  const ago = formatSpan(expired.secondsAgo);
  return {
    kind: 'expired',
    title: `The token expired ${ago} before the request`,
    detail: `Its exp is ${new Date((sent.exp ?? 0) * 1000).toISOString()}; the request left ${ago} after that, by the server’s clock.${said}`,
    next: 'Refresh the token and send again.',
    tone: 'bad',
  };
}

function signature({ sent, context, said }: RefusedToken): Verdict {
  const foreign = staticProblems(sent, context.expected).some((p) => p.kind === 'foreign-issuer');
  return {
    kind: 'signature',
    title: 'Signature rejected',
    detail:
      context.probe === 'tampered'
        ? `The token’s signature was changed on purpose, and the API noticed: this is the refusal it owes.${said}`
        : foreign
          ? `The token was issued by ${sent.iss ?? 'another realm'}, not by this environment’s realm (${context.expected.issuer}): a foreign token.${said}`
          : `The API could not verify the signature: the token was altered, comes from another realm or environment, or the realm’s keys changed.${said}`,
    next: 'Send the current access token of this environment (sign in again if needed).',
    tone: context.probe === 'tampered' ? 'info' : 'bad',
  };
}

function wrongType({ sent, context, said }: RefusedToken): Verdict {
  const isId = context.probe === 'id' || sent.typ === 'ID';
  return {
    kind: 'wrong-token-type',
    title: isId ? 'Wrong token type: an ID token was sent' : 'Wrong token type',
    detail: `The API wants an access token (typ “Bearer”); this token has typ “${sent.typ ?? 'none'}”.${said}`,
    next: 'Send the access token: the ID token tells the portal who signed in, it is not meant for the API.',
    tone: context.probe === 'id' ? 'info' : 'bad',
  };
}

function audience({ sent, context, said }: RefusedToken): Verdict {
  const configured = context.expected.audience;
  const aud = sent.aud.join(', ') || 'none';
  if (configured !== undefined && sent.aud.includes(configured)) {
    // The token is as config.json describes it: asking for an audience mapper would not help.
    return {
      kind: 'audience-config',
      title: 'config.json and the API disagree on the audience',
      detail: `The API refuses the token’s audience, yet the token carries aud “${aud}”, which includes “${configured}”: exactly the api.audience config.json names. The API checks for another audience than config.json says.${said}`,
      next: 'Ask the API team which aud it checks; put that in api.audience in config.json and have the realm admin’s Audience mapper add it. A new token will not help until they agree.',
      tone: 'bad',
    };
  }
  return {
    kind: 'audience',
    title: 'Audience mismatch: the token is not meant for this API',
    detail: `The token’s aud is “${aud}”${configured ? `; the API expects “${configured}” (api.audience in config.json)` : ''}.${said}`,
    next: 'Ask the realm admin for an Audience mapper that adds the API to this client’s access tokens, then sign in again.',
    tone: 'bad',
  };
}

function issuer({ sent, context, said }: RefusedToken): Verdict {
  return {
    kind: 'issuer',
    title: 'Issuer mismatch: the token comes from another realm',
    detail: `The token’s iss is “${sent.iss ?? 'none'}”; this environment’s realm is “${context.expected.issuer}”.${said}`,
    next: 'Use a token of this environment: sign in again here, or switch to the environment the token comes from.',
    tone: 'bad',
  };
}

/** A 403 (or insufficient_scope) for a readable token that lacks the realm role the API requires. */
export function missingRole(
  sent: TokenReading,
  problem: TokenProblem,
  context: ExplainContext,
  said: string,
): Verdict {
  const role = context.expected.requiredRole;
  return {
    kind: 'missing-role',
    title: `The token lacks the realm role “${role}”`,
    // The roles once: problemText lists the realm roles (and a client role of the same name).
    detail: `The API requires the realm role “${role}”; the token of ${whoOf(sent)} does not have it: ${problemText(problem)}.${said}`,
    next: `Sign in as a user with the realm role “${role}” (e.g. a ${role}), or ask the realm admin to grant it.`,
    tone: 'bad',
  };
}
