import type { SendResult } from '../../shared/bearer/send.ts';
import type { Explanation } from '../../shared/explanation.ts';
import { formatSpan } from '../../shared/token/formatDuration.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { tokenTime, wholeSeconds } from '../../shared/token/tokenTime.ts';
import type { ReportChoices, ReportInput } from './bugReport.ts';
import { looksLikeEmail } from './personalData.ts';

/** What the Expected section says until the user writes it: the question, and two examples. */
export const EXPECTED_HINT =
  '_What should have happened? For example “200 with the list of patients”, or “403: a patient may not list patients”._';

/** The token as it stood when it left, by the server's clock: what a 401 most often turns on. */
export function tokenStateAtSend(token: TokenReading, serverSeconds: number): string {
  if (!token.readable) return 'which the portal cannot read (opaque, or not a JWT)';
  const time = tokenTime(token, serverSeconds);
  // Whole seconds, truncated as the countdown says them.
  const span = (seconds: number | undefined) => formatSpan(wholeSeconds(seconds ?? 0));
  switch (time.state) {
    case 'expired':
      return `expired ${span(time.secondsLeft)} before it was sent`;
    case 'not-yet-valid':
      return `not valid yet when it was sent (nbf: ${span(time.validIn)} later)`;
    case 'no-expiry':
      return 'with no expiry (exp)';
    default:
      return `not expired when sent (${span(time.secondsLeft)} left)`;
  }
}

const pathOf = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
};

const who = (token: TokenReading, includePersonal: boolean) => {
  const name = token.username;
  if (name && (includePersonal || !looksLikeEmail(name))) return name;
  return token.sub ? `the user ${token.sub}` : 'an unnamed user';
};

/** "403 Forbidden (12 ms): the token lacks …", the verdict's status line said once. */
function actualOf(result: SendResult, status: string, verdict: Explanation): string {
  const title = verdict.title.startsWith(status)
    ? verdict.title.slice(status.length).replace(/^[:,]?\s*/, '')
    : verdict.title;
  const head = `${status} (${result.durationMs} ms)`;
  return title ? `${head}: ${title}` : head;
}

/**
 * Steps, Expected and Actual, as a ticket asks for them: the steps from what the portal knows
 * (environment, whose token with which realm roles, method and path, the token's state when it
 * left), Expected in the user's words (a hint until then), Actual from the answer and its verdict.
 */
export function reportStory(input: ReportInput, status: string, choices: ReportChoices): string[] {
  const { environment, request, token, tokenLabel } = input;
  const serverSeconds = (input.sentAtMs + input.skewMs) / 1000;
  const as =
    token?.readable === true
      ? `, as ${who(token, choices.includePersonal)} (realm roles: ${token.roles.realm.join(', ') || 'none'})`
      : '';
  const sent = token
    ? `with the token “${tokenLabel}”, ${tokenStateAtSend(token, serverSeconds)}`
    : 'with no token';
  return [
    '### Steps',
    `1. In the API debug portal on ${environment.label} (realm ${environment.authority})${as}.`,
    `2. Send ${request.method} ${pathOf(request.url)} ${sent}.`,
    '',
    '### Expected',
    choices.expected.trim() || EXPECTED_HINT,
    '',
    '### Actual',
    actualOf(input.result, status, input.verdict),
  ];
}
