import { useMemo, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';
import { useServerTime } from '../shared/serverTime.tsx';
import { expectationsOf } from '../shared/token/judgeToken.ts';
import { readToken } from '../shared/token/readToken.ts';
import { Callout } from '../ui/Callout.tsx';
import { Countdown } from './Countdown.tsx';
import { checkClaims } from './inspect/checkClaims.ts';
import { DecodedView } from './inspect/DecodedView.tsx';
import { pastedNextStep } from './inspect/pastedNextStep.ts';
import { keysFor, pastedToken } from './inspect/pastedToken.ts';
import { RawToken } from './inspect/RawToken.tsx';
import { SignatureCheck } from './inspect/SignatureCheck.tsx';
import { useSignatureCheck } from './inspect/useSignatureCheck.ts';
import { TokenVerdict } from './TokenVerdict.tsx';
import './token.css';

interface InspectTokenSectionProps {
  environment: EnvironmentConfig;
  /** Every configured realm: a token's signature is checked against the one its `iss` names. */
  environments: readonly EnvironmentConfig[];
}

/**
 * Inspect any token (from a log, a mobile app, a colleague) in the full token view: parts, claims
 * explained, the verdict for this environment, time left and, when its realm is configured, the
 * signature. The token lives in this component's state only: never stored, never sent from here.
 */
export function InspectTokenSection({ environment, environments }: InspectTokenSectionProps) {
  const [text, setText] = useState('');
  const token = pastedToken(text);
  const reading = useMemo(() => (token ? readToken(token) : undefined), [token]);
  const keys = reading ? keysFor(reading, environments) : undefined;
  const use = reading?.typ === 'ID' ? 'id' : 'access';
  const { serverNow } = useServerTime();
  // Signed out, the page has no Call the API: the next steps do not send anyone there.
  const signedIn = Boolean(useAuth().user);
  // Checked only against a configured realm's keys, on request: a pasted token names its own issuer.
  const signature = useSignatureCheck(
    keys?.kind === 'configured' ? reading : undefined,
    keys?.kind === 'configured' ? keys.environment.authority : '',
  );
  const checks = reading?.readable
    ? checkClaims(reading, {
        expected: expectationsOf(environment),
        portalOrigin: window.location.origin,
        use,
        clientId: environment.clientId,
        serverNow: serverNow(),
      })
    : [];

  return (
    <section className="card tk-inspect" aria-labelledby="tk-inspect-title">
      <h2 id="tk-inspect-title">Inspect any token</h2>
      <label className="tk-inspect__label" htmlFor="tk-inspect-input">
        Paste a token (JWT or opaque, with or without “Bearer ”). It stays in this page’s memory.
      </label>
      <textarea
        id="tk-inspect-input"
        className="input tk-inspect__input"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {text && (
        <div className="actions">
          <button type="button" className="button button--quiet" onClick={() => setText('')}>
            Clear
          </button>
          <span className="small muted">
            {signedIn
              ? 'To call the API with it, choose “Pasted token” in Call the API.'
              : 'To call the API with it, sign in: the page then offers it as the “Pasted token”.'}
          </span>
        </div>
      )}
      {reading && (
        <div className="tk-inspect__result" data-testid="inspected-token">
          <TokenVerdict
            access={reading}
            environment={environment}
            signature={signature.status}
            nextStep={(problems) => pastedNextStep(problems, signedIn)}
          />
          {reading.exp !== undefined && (
            <Countdown
              access={reading}
              environment={environment}
              signature={signature.status}
              testId="inspected-countdown"
            />
          )}
          {keys?.kind === 'configured' ? (
            <div className="tk-inspect__signature">
              <p className="small muted">
                Issued by the {keys.environment.label} realm: its signature is checked against that realm’s
                keys.
              </p>
              <SignatureCheck token={reading} signature={signature} />
            </div>
          ) : keys?.kind === 'unknown-issuer' ? (
            <Callout
              role="note"
              explanation={{
                kind: 'unknown-issuer',
                tone: 'warn',
                title: 'The signature cannot be checked here: its issuer is not a configured realm',
                quote: `iss: ${keys.iss}`,
                detail:
                  'The portal fetches keys only from the realms in its config, so a token cannot make it trust keys from anywhere.',
                next: 'Check the signature with the issuer’s own tools, or ask why a token from this issuer reached you.',
              }}
            />
          ) : keys?.kind === 'no-issuer' ? (
            <p className="small text-warn">
              This JWT names no issuer (iss): no realm’s keys to check it against.
            </p>
          ) : null}
          <RawToken token={reading} label="Inspected token" />
          <DecodedView
            decoded={reading.decoded}
            checks={checks}
            requiredRole={environment.api.requiredRole}
          />
        </div>
      )}
    </section>
  );
}
