import type { TokenReading } from '../../shared/token/readToken.ts';
import { CodeBlock } from '../../ui/CodeBlock.tsx';

const PART_CLASSES = ['syntax-header', 'syntax-payload', 'syntax-signature'] as const;

/** The raw token, its three JWS parts colour-coded like the decoded views. */
export function RawToken({ token, label }: { token: TokenReading; label: string }) {
  const { decoded } = token;
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
