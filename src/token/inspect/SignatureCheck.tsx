import { useServerTime } from '../../shared/serverTime.tsx';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { tokenTime } from '../../shared/token/tokenTime.ts';
import type { SignatureCheckState } from './useSignatureCheck.ts';
import type { SignatureResult } from './verifySignature.ts';

interface SignatureCheckProps {
  token: TokenReading;
  /** The check of this token (useSignatureCheck): run on request, or already when it arrived. */
  signature: SignatureCheckState;
}

const TEXT: Record<SignatureResult['kind'], string> = {
  valid: 'Signature valid',
  invalid: 'Signature invalid',
  'no-key': 'No matching key',
  'alg-none': 'Not signed (alg none)',
  unavailable: 'Cannot check the signature',
};

/** The signature against the realm's JWKS, and only the signature: time is said apart. */
export function SignatureCheck({ token, signature }: SignatureCheckProps) {
  // To state time validity apart from the signature ("valid, but expired").
  const { serverNow } = useServerTime();
  const { result, busy, check } = signature;
  const expired = tokenTime(token, serverNow()).state === 'expired';
  // Its own row, and a line of the same shape while checking: the answer replaces it in place
  // instead of pushing the token below it down (a click aimed there would land elsewhere).
  return (
    <div className="actions">
      <button type="button" className="button" disabled={busy} onClick={check}>
        {busy ? 'Checking…' : 'Check signature'}
      </button>
      {busy && !result && (
        <p className="note tone-info" role="status">
          Checking the signature against the realm’s keys…
        </p>
      )}
      {result && (
        <p
          className={result.kind === 'valid' ? 'note tone-ok' : 'note tone-bad'}
          role="status"
          data-testid="signature"
        >
          {TEXT[result.kind]}
          {result.kind === 'valid'
            ? `${result.kid ? ` (key ${result.kid}, ${result.alg})` : ` (${result.alg})`}${expired ? ', but the token is expired' : ''}.`
            : `: ${result.message}`}
        </p>
      )}
    </div>
  );
}
