import { useState } from 'react';
import { count } from '../../shared/format.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { CodeBlock } from '../../ui/CodeBlock.tsx';

const PART_CLASSES = ['syntax-header', 'syntax-payload', 'syntax-signature'] as const;

/**
 * The raw token, its three JWS parts colour-coded like the decoded views. A value that is not a
 * readable JWT (cut, opaque, encrypted) is masked until asked for: the portal cannot tell what it
 * is, and it may be a live secret all the same (case 11).
 */
export function RawToken({
  token,
  label,
  revealed = false,
}: {
  token: TokenReading;
  label: string;
  /** Already revealed on purpose (the refresh token view asks first). */
  revealed?: boolean;
}) {
  const [shown, setShown] = useState(revealed);
  const { decoded } = token;
  if (!decoded.ok && !shown) {
    return (
      <div className="actions">
        <p className="code-block tk-raw muted" data-testid="raw-token-masked">
          {label}: {'•'.repeat(24)} ({count(token.raw.length)} characters, not shown: it cannot be decoded)
        </p>
        <button type="button" className="button button--quiet" onClick={() => setShown(true)}>
          Show the raw value
        </button>
      </div>
    );
  }
  return (
    <CodeBlock as="section" className="tk-raw" label={label} testId="raw-token">
      {decoded.ok
        ? decoded.parts.map((part, i) => (
            <span key={PART_CLASSES[i]}>
              {i > 0 && <strong>.</strong>}
              <span className={PART_CLASSES[i]}>{part}</span>
            </span>
          ))
        : token.raw}
    </CodeBlock>
  );
}
