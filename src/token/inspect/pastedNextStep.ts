import { nextStepFor } from '../../shared/token/explainJudgement.ts';
import type { TokenProblem } from '../../shared/token/judgeToken.ts';

const SIGNATURE_PROBLEMS: ReadonlySet<TokenProblem['kind']> = new Set([
  'bad-signature',
  'unsigned',
  'unexpected-alg',
  'key-in-header',
]);

/**
 * What to do about the problems of a pasted token, most pressing first, in one sentence. A pasted
 * token came from elsewhere (a log, an app, a colleague): this page cannot refresh it, and a reload
 * renews only this tab's own session, so a new one comes from where it came from, or from signing
 * in here. Call the API is named only when it is on the page (`signedIn`).
 */
export function pastedNextStep(problems: readonly TokenProblem[], signedIn: boolean): string {
  const kinds = new Set(problems.map((problem) => problem.kind));
  const role = problems.find((problem) => problem.kind === 'missing-role');
  const ownToken = signedIn ? "this tab's own token is one" : 'sign in here to get one';
  if (kinds.has('unreadable'))
    return signedIn
      ? 'Call the API with it (Call the API, token “Pasted token”): the answer’s verdict says whether the API takes it.'
      : 'Sign in here, then call the API with it as the “Pasted token”: the answer’s verdict says whether the API takes it.';
  if (kinds.has('foreign-issuer'))
    return `Use a token this environment's realm issued (${ownToken}), or switch to the environment this token comes from.`;
  if ([...kinds].some((kind) => SIGNATURE_PROBLEMS.has(kind)))
    return `Do not trust this token: ask where it came from, and use one this environment's realm issued (${ownToken}).`;
  if (kinds.has('wrong-type'))
    return 'Paste the access token instead: an ID token tells an app who signed in, it is not meant for the API.';
  if (role)
    return `Use a token of a user with the realm role ${role.role}${signedIn ? '' : ' (sign in here as one)'}, or ask the realm admin to grant it.`;
  if (kinds.has('wrong-audience'))
    return 'Ask the realm admin for an Audience mapper that adds the API to the access tokens of the client this token was issued to (azp), then get a new token where this one came from.';
  if (kinds.has('expired'))
    return signedIn
      ? "Get a new token where this one came from: a pasted token is not renewed here (Refresh renews only this tab's own token)."
      : 'Get a new token where this one came from (a pasted token is not renewed here), or sign in here to get one of your own.';
  // Time and clock problems: the same advice as for any token, none of it about this tab's session.
  if (problems.length > 0) return nextStepFor(problems);
  return 'Get a new token where this one came from.';
}
