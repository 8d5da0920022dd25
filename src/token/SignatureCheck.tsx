import { useState } from 'react';
import type { TokenReading } from '../shared/token/readToken.ts';
import { serverNowSeconds, tokenTime } from '../shared/token/tokenTime.ts';
import { type SignatureResult, verifySignature } from './verifySignature.ts';

interface SignatureCheckProps {
  token: TokenReading;
  authority: string;
  /** To state time validity apart from the signature ("valid, but expired"). */
  skewMs: number;
}

const TEXT: Record<SignatureResult['kind'], string> = {
  valid: 'Signature valid',
  invalid: 'Signature invalid',
  'no-key': 'No matching key',
  'alg-none': 'Not signed (alg none)',
  unavailable: 'Cannot check the signature',
};

/** Verifies against the realm's JWKS on request (jose loads only then). */
export function SignatureCheck({ token: reading, authority, skewMs }: SignatureCheckProps) {
  const token = reading.raw;
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
      const expired = tokenTime(reading, serverNowSeconds(Date.now(), skewMs)).state === 'expired';
      setResult({ token, value, expired });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signature">
      <button type="button" className="button" disabled={busy} onClick={() => void check()}>
        {busy ? 'Checking…' : 'Check signature'}
      </button>
      {current && (
        <p
          className={current.kind === 'valid' ? 'flag flag--ok' : 'flag flag--error'}
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
