import { useState } from 'react';
import type { DecodedToken } from '../shared/token/decodeToken.ts';
import { ClaimsTable } from './ClaimsTable.tsx';
import type { ClaimCheck } from './checkClaims.ts';

interface DecodedViewProps {
  decoded: DecodedToken;
  checks: ClaimCheck[];
  skewMs: number;
  requiredRole: string;
}

const PARTS = [
  ['Header', 'header'],
  ['Payload', 'payload'],
] as const;

/** Header and payload as explained tables, or as raw JSON; undecodable tokens say why. */
export function DecodedView({ decoded, checks, skewMs, requiredRole }: DecodedViewProps) {
  const [raw, setRaw] = useState(false);
  if (!decoded.ok) {
    return (
      <p className="notice" role="note">
        {decoded.message}
      </p>
    );
  }
  const problems = checks.filter((c) => !(c.claim in decoded.payload) && !(c.claim in decoded.header));
  return (
    <div className="decoded">
      <div className="actions">
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={raw}
          onClick={() => setRaw(!raw)}
        >
          {raw ? 'Show claims table' : 'Show raw JSON'}
        </button>
      </div>
      {problems.map((problem) => (
        <p key={problem.message} className={`flag flag--${problem.severity}`}>
          {problem.message}
        </p>
      ))}
      {raw ? (
        <div className="decoded__raw">
          {PARTS.map(([caption, part]) => (
            <figure key={part}>
              <figcaption className={`json-caption json-caption--${part}`}>{caption}</figcaption>
              <pre className={`json json--${part}`}>{JSON.stringify(decoded[part], null, 2)}</pre>
            </figure>
          ))}
        </div>
      ) : (
        PARTS.map(([caption, part]) => (
          <ClaimsTable
            key={part}
            caption={caption}
            part={part}
            claims={decoded[part]}
            checks={checks}
            skewMs={skewMs}
            requiredRole={requiredRole}
          />
        ))
      )}
    </div>
  );
}
