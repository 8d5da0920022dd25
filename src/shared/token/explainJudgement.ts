import type { Explanation } from '../explanation.ts';
import { formatSpan } from './formatDuration.ts';
import {
  DOUBTS,
  type Expectations,
  type Judgement,
  type SignatureStatus,
  type TokenProblem,
} from './judgeToken.ts';
import { isWholeApi, namesOf, type Reach, type RoleReach } from './reach.ts';

const quoted = (values: string[]) => (values.length ? values.map((v) => `“${v}”`).join(', ') : 'none');

/** One problem as a clause a QA tester reads: "it expired 42 s ago". */
export function problemText(problem: TokenProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return problem.message;
    case 'expired':
      return `it expired ${formatSpan(problem.secondsAgo)} ago`;
    case 'not-yet-valid':
      return `it is not valid yet (nbf): it becomes valid in ${formatSpan(problem.validIn)}`;
    case 'missing-role': {
      const realm = problem.realmRoles.length ? problem.realmRoles.join(', ') : 'none';
      const client = problem.clientsWithRole.length
        ? `; it has “${problem.role}” as a client role of ${problem.clientsWithRole.join(', ')}, which is not the realm role`
        : '';
      return `it lacks the realm role ${problem.role} (its realm roles: ${realm}${client})`;
    }
    case 'wrong-audience':
      return `its audience (aud) is ${quoted(problem.actual)}, not the API's “${problem.expected}”`;
    case 'foreign-issuer':
      return `it was issued by ${problem.iss ?? 'no issuer'}, not by this environment's realm ${problem.expected}`;
    case 'wrong-type':
      return `its typ is “${problem.typ}”, not “Bearer”: it is not an access token`;
    case 'unsigned':
      return 'it is not signed (alg “none”)';
    case 'unexpected-alg':
      return `it is signed with ${problem.alg}, not with a key pair like the realm's (RS256): the realm's keys cannot verify it`;
    case 'key-in-header':
      return `its header says where to get the key to check it (${problem.parameters.join(', ')}): an API must take keys from the realm, never from the token`;
    case 'bad-signature':
      return `the realm's keys do not verify it: ${problem.message}`;
    case 'bad-exp':
      return `its exp is ${problem.value}, not a number of seconds: an API cannot read when it expires`;
    case 'no-expiry':
      return 'it has no expiry (exp): an API may take it for ever, or refuse it';
    case 'issued-in-future':
      return `it was issued ${formatSpan(problem.inSeconds)} in the future by the server's clock (iat): the realm's clock is ahead, or the token was made by hand`;
  }
}

/** What to do about the problems, most pressing first: one sentence. */
export function nextStepFor(problems: readonly TokenProblem[]): string {
  const kinds = new Set(problems.map((p) => p.kind));
  const role = problems.find((p) => p.kind === 'missing-role');
  if (kinds.has('unreadable')) return 'Send the access token this environment issued.';
  if (kinds.has('foreign-issuer'))
    return 'Use a token of this environment: sign in again here, or switch to the environment the token comes from.';
  if (
    kinds.has('bad-signature') ||
    kinds.has('unsigned') ||
    kinds.has('unexpected-alg') ||
    kinds.has('key-in-header')
  )
    return 'Do not trust this token: use the access token the realm of this environment issued (sign in again here).';
  if (kinds.has('wrong-type'))
    return 'Send the access token: the ID token tells the portal who signed in, it is not meant for the API.';
  if (role) return `Sign in as a user with the realm role ${role.role}, or ask the realm admin to grant it.`;
  if (kinds.has('wrong-audience'))
    return 'Ask the realm admin for an Audience mapper that adds the API to this client’s access tokens, then sign in again.';
  if (kinds.has('expired')) return 'Refresh the token (or reload the page: it renews an expired token).';
  if (kinds.has('not-yet-valid')) return 'Wait until it becomes valid, or check the clocks of the realm.';
  if (kinds.has('bad-exp') || kinds.has('no-expiry'))
    return 'Ask the realm admin why its tokens carry no usable expiry.';
  if (kinds.has('issued-in-future')) return "Ask the realm admin to check the realm server's clock.";
  return 'Sign in again for a new token.';
}

/** Case 15: whether what the verdict rests on was verified, or only decoded here. */
function signatureNote(signature: SignatureStatus | undefined): string | undefined {
  switch (signature?.kind) {
    case 'verified':
      // The key id is said in the signature line below; this note keeps the length of the one it
      // replaces, so the answer does not move the page.
      return `Signature verified against the realm's keys (${signature.alg}).`;
    case 'checking':
      return "Not verified yet: checking the signature against the realm's keys…";
    case 'rejected':
      return undefined;
    default:
      return `Decoded here, not verified by this portal${signature?.why ? ` (${signature.why})` : ''}: the claims are what the token says, and only a signature check against the realm's keys shows the realm said so.`;
  }
}

/** "it lacks the realm role therapist that List patients and Create patient require (its realm roles: …)" */
function lackText({ role, requests, problem }: Reach['lacking'][number]): string {
  const what = isWholeApi(requests)
    ? 'the API requires'
    : `${namesOf(requests)} require${requests.length === 1 ? 's' : ''}`;
  const realm = problem.realmRoles.length ? problem.realmRoles.join(', ') : 'none';
  const client = problem.clientsWithRole.length
    ? `; it has “${role}” as a client role of ${problem.clientsWithRole.join(', ')}, which is not the realm role`
    : '';
  return `it lacks the realm role ${role} that ${what} (its realm roles: ${realm}${client})`;
}

const grantedText = (granted: readonly RoleReach[]) =>
  granted
    .map(({ role, requests }) =>
      isWholeApi(requests)
        ? `the realm role ${role} the API requires`
        : `the realm role ${role} that ${namesOf(requests)} require${requests.length === 1 ? 's' : ''}`,
    )
    .join(' and ');

const lackingRoles = (reach: Reach) => namesOf(reach.lacking.map((lack) => lack.role));

/**
 * The answer to "what can this token call?" as the token view says it: what the API as configured
 * accepts it for (its presets' roles, `reach`), or every reason it cannot and the one thing to do
 * about them; "in doubt" when only an API that checks properly would refuse it. A missing role is
 * one requirement among the presets', not a verdict on the whole API: a 200 on a request that needs
 * no role must not contradict it. `secondsLeft` (whole seconds, server clock) is said with a yes; the
 * note says whether the signature was verified or the token only decoded.
 */
export function explainJudgement(
  judgement: Judgement,
  expected: Expectations,
  secondsLeft: number | undefined,
  signature?: SignatureStatus,
  reach?: Reach,
): Explanation<'can-call' | 'can-call-some' | 'cannot-call' | 'in-doubt' | 'unreadable'> {
  const note = signatureNote(signature);
  // With the presets' roles known, the role is told by `reach`, once, not as a problem of the token.
  const problems = reach
    ? judgement.problems.filter((problem) => problem.kind !== 'missing-role')
    : judgement.problems;
  const lacks = reach?.lacking.map(lackText) ?? [];
  if (problems.length === 0 && lacks.length === 0) {
    const audience = expected.audience ? `, the audience ${expected.audience}` : '';
    const left = secondsLeft === undefined ? '' : `; it expires in ${formatSpan(secondsLeft)}`;
    const role = reach
      ? reach.granted.length
        ? `It has ${grantedText(reach.granted)}${audience}`
        : `It needs no realm role here${audience}`
      : `It has the realm role ${expected.requiredRole}${audience}`;
    return {
      kind: 'can-call',
      tone: 'ok',
      title: 'This token can call the API right now',
      detail: `${role} and comes from this realm${left}.`,
      note,
    };
  }
  if (problems.length === 0 && reach && reach.open.length + reach.granted.length > 0) {
    const can = [
      ...(reach.open.length ? [`${namesOf(reach.open)} (any valid token of this realm)`] : []),
      ...reach.granted.flatMap((granted) => granted.requests),
    ];
    return {
      kind: 'can-call-some',
      tone: 'warn',
      title: `This token can call what needs a valid token, not what needs the realm role ${lackingRoles(reach)}`,
      detail: `It can call ${namesOf(can)}; ${lacks.join('; ')}.`,
      note,
      next: `For those, sign in as a user with the realm role ${lackingRoles(reach)}, or ask the realm admin to grant it.`,
    };
  }
  const [first] = problems;
  if (first?.kind === 'unreadable') {
    return {
      kind: 'unreadable',
      tone: 'warn',
      title: 'Cannot tell whether this token can call the API',
      detail: first.message,
      next: "Call the API with it: the answer's verdict says whether the API takes it.",
    };
  }
  const reasons = [...problems.map(problemText), ...lacks];
  const all = [...problems, ...(reach?.lacking.map((lack) => lack.problem) ?? [])];
  if (all.every((problem) => DOUBTS.has(problem.kind))) {
    return {
      kind: 'in-doubt',
      tone: 'warn',
      title: 'Do not count on this token: an API that checks properly refuses it',
      reasons,
      note,
      next: nextStepFor(all),
    };
  }
  return {
    kind: 'cannot-call',
    tone: 'bad',
    title: 'This token cannot call the API right now',
    reasons,
    note,
    next: nextStepFor(all),
  };
}
