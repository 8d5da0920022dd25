import { useState } from 'react';
import type { DecodedToken } from '../../shared/token/decodeToken.ts';
import { Callout } from '../../ui/Callout.tsx';
import { CodeBlock } from '../../ui/CodeBlock.tsx';
import { ClaimsTable } from './ClaimsTable.tsx';
import type { ClaimCheck } from './checkClaims.ts';

interface DecodedViewProps {
  decoded: DecodedToken;
  checks: ClaimCheck[];
  requiredRole: string;
}

const PARTS = [
  ['Header', 'header'],
  ['Payload', 'payload'],
] as const;

/** Header and payload as explained tables, or as raw JSON; undecodable tokens say why. */
export function DecodedView({ decoded, checks, requiredRole }: DecodedViewProps) {
  const [raw, setRaw] = useState(false);
  if (!decoded.ok) {
    return (
      <Callout role="note" explanation={{ kind: decoded.reason, tone: 'info', title: decoded.message }} />
    );
  }
  const problems = checks.filter((c) => !(c.claim in decoded.payload) && !(c.claim in decoded.header));
  return (
    <div className="tk-decoded">
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
        <p key={problem.message} className={`note tone-${problem.tone}`}>
          {problem.message}
        </p>
      ))}
      {raw ? (
        <div className="tk-decoded__raw">
          {PARTS.map(([caption, part]) => (
            <figure key={part}>
              <figcaption className={`tk-decoded__caption syntax-${part}`}>{caption}</figcaption>
              <CodeBlock className={`syntax-${part}`} label={`${caption} (JSON)`}>
                {JSON.stringify(decoded[part], null, 2)}
              </CodeBlock>
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
            requiredRole={requiredRole}
          />
        ))
      )}
    </div>
  );
}
