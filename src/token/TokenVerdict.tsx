import type { EnvironmentConfig } from '../config/types.ts';
import { formatSpan } from '../shared/token/formatDuration.ts';
import { expectationsOf, judgeToken } from '../shared/token/judgeToken.ts';
import { nextStepFor, problemText } from '../shared/token/problemText.ts';
import { type TokenReading, whoOf } from '../shared/token/readToken.ts';
import { serverNowSeconds, wholeSeconds } from '../shared/token/tokenTime.ts';
import { useNow } from '../shared/useNow.ts';

interface TokenVerdictProps {
  access: TokenReading;
  environment: EnvironmentConfig;
  skewMs: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

/**
 * Who the token says you are, and the answer to "can this token call the API right now?": role,
 * audience, issuer, type and time, every reason named when the answer is no. A leaf on the app's
 * clock, so the answer turns the moment the token expires.
 */
export function TokenVerdict({ access, environment, skewMs, now }: TokenVerdictProps) {
  const nowMs = useNow(1000, now);
  const expected = expectationsOf(environment);
  const { canCall, problems } = judgeToken(access, expected, serverNowSeconds(nowMs, skewMs));
  const unreadable = problems[0]?.kind === 'unreadable';
  const tone = canCall ? 'ok' : unreadable ? 'warn' : 'bad';
  const left =
    access.exp === undefined
      ? ''
      : `; it expires in ${formatSpan(wholeSeconds(access.exp - serverNowSeconds(nowMs, skewMs)))}`;
  return (
    <div className="verdict-row">
      <div className="who">
        <span className="who__name">{access.readable ? whoOf(access) : 'Unknown user'}</span>
        {access.name && <span className="muted"> · {access.name}</span>}
        <span className="muted"> · {environment.label}</span>
      </div>
      <div className={`verdict verdict--${tone}`} role="status" data-testid="verdict">
        <p className="verdict__answer">
          <span aria-hidden="true">{canCall ? '✓' : unreadable ? '?' : '✗'}</span>{' '}
          {canCall
            ? `This token can call the API right now: it has the realm role ${expected.requiredRole}${expected.audience ? `, the audience ${expected.audience}` : ''} and comes from this realm${left}.`
            : unreadable
              ? `Cannot tell whether this token can call the API: ${problems[0]?.kind === 'unreadable' ? problems[0].message : ''}`
              : 'This token cannot call the API right now:'}
        </p>
        {!canCall && !unreadable && (
          <>
            <ul className="verdict__reasons">
              {problems.map((problem) => (
                <li key={problem.kind}>{problemText(problem)}</li>
              ))}
            </ul>
            <p className="verdict__next">
              <strong>Next:</strong> {nextStepFor(problems)}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
