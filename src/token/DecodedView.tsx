import { useState } from 'react';
import { ClaimsTable } from './ClaimsTable.tsx';
import type { ClaimCheck } from './checkClaims.ts';
import type { DecodedToken } from './decodeToken.ts';

interface DecodedViewProps {
  decoded: DecodedToken;
  checks: ClaimCheck[];
  skewMs: number;
  requiredRole: string;
}

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
          <figure>
            <figcaption className="json-caption json-caption--header">Header</figcaption>
            <pre className="json json--header">{JSON.stringify(decoded.header, null, 2)}</pre>
          </figure>
          <figure>
            <figcaption className="json-caption json-caption--payload">Payload</figcaption>
            <pre className="json json--payload">{JSON.stringify(decoded.payload, null, 2)}</pre>
          </figure>
        </div>
      ) : (
        <>
          <ClaimsTable
            caption="Header"
            part="header"
            claims={decoded.header}
            checks={checks}
            skewMs={skewMs}
            requiredRole={requiredRole}
          />
          <ClaimsTable
            caption="Payload"
            part="payload"
            claims={decoded.payload}
            checks={checks}
            skewMs={skewMs}
            requiredRole={requiredRole}
          />
        </>
      )}
    </div>
  );
}
