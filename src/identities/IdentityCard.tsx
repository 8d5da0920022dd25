import type { EnvironmentConfig } from '../config/types.ts';
import { useServerNow } from '../shared/serverTime.tsx';
import { explainJudgement } from '../shared/token/explainJudgement.ts';
import { formatClock } from '../shared/token/formatDuration.ts';
import type { Identity } from '../shared/token/identity.ts';
import { expectationsOf, judgeToken } from '../shared/token/judgeToken.ts';
import { reachOf } from '../shared/token/reach.ts';
import { listRoles } from '../shared/token/readToken.ts';
import { tokenTime } from '../shared/token/tokenTime.ts';
import { Callout } from '../ui/Callout.tsx';

interface IdentityCardProps {
  identity: Identity & { canRefresh: boolean; offline: boolean };
  environment: EnvironmentConfig;
  onRefresh: () => void;
  onRemove: () => void;
}

/**
 * One extra identity: who, its roles, its own countdown and the same verdict as the main token
 * (judgeToken, explainJudgement). A leaf on the app's clock, like the main countdown.
 */
export function IdentityCard({ identity, environment, onRefresh, onRemove }: IdentityCardProps) {
  const { serverNow } = useServerNow();
  const { access } = identity.tokens;
  const expected = expectationsOf(environment);
  const time = tokenTime(access, serverNow);
  const left = time.secondsLeft;
  const verdict = explainJudgement(
    judgeToken(access, expected, serverNow),
    expected,
    left,
    undefined,
    reachOf(access, environment),
  );
  const clock =
    time.state === 'expired'
      ? `expired ${formatClock(left ?? 0)} ago`
      : time.state === 'no-expiry'
        ? 'no expiry'
        : `${formatClock(left ?? 0)} left`;
  return (
    <li className="id-card" aria-label={`Identity ${identity.label}`}>
      <div className="id-card__head">
        <strong>{identity.label}</strong>
        <span className="small muted">roles: {listRoles(access.roles)}</span>
        <span className="small muted">
          {identity.offline ? 'own realm session (offline)' : 'the browser’s realm session'}
        </span>
        <span
          className={`id-card__clock ${time.state === 'expired' ? 'text-bad' : time.state === 'expiring' ? 'text-warn' : 'text-ok'}`}
          data-testid="identity-countdown"
        >
          {clock}
        </span>
      </div>
      <Callout explanation={verdict} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!identity.canRefresh}
          title={identity.canRefresh ? undefined : 'The realm gave this identity no refresh token'}
          onClick={onRefresh}
        >
          Refresh {identity.label}
        </button>
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove {identity.label}
        </button>
      </div>
    </li>
  );
}
