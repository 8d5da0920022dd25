interface RawTokenProps {
  token: string;
  label: string;
}

const PART_NAMES = ['header', 'payload', 'signature'] as const;

/** The raw token, its three JWS parts colour-coded like the decoded views. */
export function RawToken({ token, label }: RawTokenProps) {
  const parts = token.split('.');
  return (
    <section className="code-block raw-token" aria-label={label} data-testid="raw-token">
      {parts.length === 3
        ? parts.map((part, i) => (
            <span key={PART_NAMES[i]}>
              {i > 0 && <span className="raw-token__dot">.</span>}
              <span className={`raw-token__${PART_NAMES[i]}`}>{part}</span>
            </span>
          ))
        : token}
    </section>
  );
}
