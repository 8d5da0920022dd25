import type { EnvironmentConfig } from '../config/types.ts';
import { useServerNow } from '../shared/serverTime.tsx';
import { explainJudgement } from '../shared/token/explainJudgement.ts';
import type { TokenProblem } from '../shared/token/judgeToken.ts';
import { expectationsOf, judgeToken, type SignatureStatus } from '../shared/token/judgeToken.ts';
import { reachOf } from '../shared/token/reach.ts';
import { type TokenReading, whoOf } from '../shared/token/readToken.ts';
import { wholeSeconds } from '../shared/token/tokenTime.ts';
import { Callout } from '../ui/Callout.tsx';
import { paintMark } from '../ui/paintMark.ts';
import { SIGN_IN_AGAIN } from './session/refreshFailure.ts';

interface TokenVerdictProps {
  access: TokenReading;
  environment: EnvironmentConfig;
  /** What the signature check against the realm's keys found (or that none ran yet). */
  signature?: SignatureStatus;
  /** The next step for a token that is not this tab's own (a pasted one), instead of the session's. */
  nextStep?: ((problems: readonly TokenProblem[]) => string) | undefined;
  /** The session ended (said above): an expired token's way back is signing in again, not Refresh. */
  sessionEnded?: boolean;
}

/**
 * Who the token says you are, and the answer to "what can this token call?": audience, issuer, type
 * and time, then the realm roles the presets require, every reason named when the answer is no. A leaf on the app's
 * clock, so the answer turns the moment the token expires.
 */
export function TokenVerdict({
  access,
  environment,
  signature,
  nextStep,
  sessionEnded = false,
}: TokenVerdictProps) {
  const { serverNow } = useServerNow();
  const expected = expectationsOf(environment);
  const left = access.exp === undefined ? undefined : wholeSeconds(access.exp - serverNow);
  const judgement = judgeToken(access, expected, serverNow, signature);
  const said = explainJudgement(judgement, expected, left, signature, reachOf(access, environment));
  const explained =
    nextStep && said.next
      ? { ...said, next: nextStep(judgement.problems) }
      : sessionEnded && judgement.problems.some((problem) => problem.kind === 'expired')
        ? { ...said, next: SIGN_IN_AGAIN }
        : said;
  return (
    <div className="tk-verdict">
      <p className="tk-verdict__who" {...paintMark('decoded-token')}>
        <strong>{access.readable ? whoOf(access) : 'Unknown user'}</strong>
        {access.name && <span className="muted"> · {access.name}</span>}
        <span className="muted"> · {environment.label}</span>
      </p>
      <Callout explanation={explained} role="status" testId="verdict" />
    </div>
  );
}
