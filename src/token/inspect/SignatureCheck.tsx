import { useState } from 'react';
import { useServerTime } from '../../shared/serverTime.tsx';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { tokenTime } from '../../shared/token/tokenTime.ts';
import { type SignatureResult, verifySignature } from './verifySignature.ts';

interface SignatureCheckProps {
  token: TokenReading;
  authority: string;
}

const TEXT: Record<SignatureResult['kind'], string> = {
  valid: 'Signature valid',
  invalid: 'Signature invalid',
  'no-key': 'No matching key',
  'alg-none': 'Not signed (alg none)',
  unavailable: 'Cannot check the signature',
};

/** Verifies against the realm's JWKS on request (jose loads only then). */
export function SignatureCheck({ token: reading, authority }: SignatureCheckProps) {
  const token = reading.raw;
  // To state time validity apart from the signature ("valid, but expired").
  const { serverNow } = useServerTime();
  const [result, setResult] = useState<{ token: string; value: SignatureResult; expired: boolean } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const current = result?.token === token ? result.value : null;
  const expired = result?.expired ?? false;

  const check = async () => {
    setBusy(true);
    try {
      const value = await verifySignature(token, authority);
      const expired = tokenTime(reading, serverNow()).state === 'expired';
      setResult({ token, value, expired });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="actions">
      <button type="button" className="button" disabled={busy} onClick={() => void check()}>
        {busy ? 'Checking…' : 'Check signature'}
      </button>
      {current && (
        <p
          className={current.kind === 'valid' ? 'note tone-ok' : 'note tone-bad'}
          role="status"
          data-testid="signature"
        >
          {TEXT[current.kind]}
          {current.kind === 'valid'
            ? `${current.kid ? ` (key ${current.kid}, ${current.alg})` : ` (${current.alg})`}${expired ? ', but the token is expired' : ''}.`
            : `: ${current.message}`}
        </p>
      )}
    </div>
  );
}
