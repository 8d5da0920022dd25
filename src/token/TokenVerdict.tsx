import type { EnvironmentConfig } from '../config/types.ts';
import type { DecodedToken } from '../shared/token/decodeToken.ts';
import { verdictFor } from './verdictFor.ts';

interface TokenVerdictProps {
  access: DecodedToken;
  environment: EnvironmentConfig;
}

/** Who the token says you are, where, and whether the API will take it. */
export function TokenVerdict({ access, environment }: TokenVerdictProps) {
  const verdict = verdictFor(access, environment.api.requiredRole);
  const payload = access.ok ? access.payload : {};
  const username = typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined;
  const name = typeof payload.name === 'string' ? payload.name : undefined;
  const tone = verdict.kind === 'can-call' ? 'ok' : verdict.kind === 'missing-role' ? 'bad' : 'warn';
  return (
    <div className="verdict-row">
      <div className="who">
        <span className="who__name">
          {username ?? (typeof payload.sub === 'string' ? payload.sub : 'Unknown user')}
        </span>
        {name && <span className="muted"> · {name}</span>}
        <span className="muted"> · {environment.label}</span>
      </div>
      <p className={`verdict verdict--${tone}`} role="status" data-testid="verdict">
        <span aria-hidden="true">{tone === 'ok' ? '✓' : tone === 'bad' ? '✗' : '?'}</span> {verdict.message}
      </p>
    </div>
  );
}
