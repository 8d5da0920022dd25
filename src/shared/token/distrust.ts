import type { Judgement, TokenProblem } from './judgeToken.ts';

/**
 * Case 15: the problems of the signature itself: not signed, signed another way than the realm
 * signs, pointing at a key of its own choosing, or not verified by the realm's keys. For these the
 * verdict's next step is "Do not trust this token" (explainJudgement's nextStepFor, held to this
 * set by distrust.test.ts), and nothing else on the page may call such a token valid.
 */
export const DISTRUSTED: ReadonlySet<TokenProblem['kind']> = new Set([
  'unsigned',
  'unexpected-alg',
  'key-in-header',
  'bad-signature',
]);

/** The problems of a judgement that make its token untrustworthy; none when the verdict may trust it. */
export const distrustOf = (judgement: Judgement): TokenProblem[] =>
  judgement.problems.filter((problem) => DISTRUSTED.has(problem.kind));
