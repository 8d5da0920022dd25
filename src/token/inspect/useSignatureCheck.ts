import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SignatureStatus } from '../../shared/token/judgeToken.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { whenPainted } from '../../ui/paintMark.ts';
import { type SignatureResult, verifySignature } from './verifySignature.ts';

export type Verify = (token: string, authority: string) => Promise<SignatureResult>;

export interface SignatureCheckState {
  /** The last result, for this very token; null before the first check. */
  result: SignatureResult | null;
  busy: boolean;
  check(): void;
  /** What the verdict may rest on (judgeToken's SignatureStatus). */
  status: SignatureStatus;
}

/** The check's result as what the verdict knows of the signature. */
export function signatureStatus(result: SignatureResult | null, busy: boolean): SignatureStatus {
  if (!result) return busy ? { kind: 'checking' } : { kind: 'unchecked' };
  switch (result.kind) {
    case 'valid':
      return { kind: 'verified', alg: result.alg, kid: result.kid };
    case 'unavailable':
      return { kind: 'unchecked', why: "the realm's keys could not be fetched" };
    default:
      return { kind: 'rejected', message: result.message };
  }
}

/**
 * The signature of one token checked against the realm's keys (jose and the keys load only then):
 * on request, or (`auto`) as soon as a token arrives, which the access token's verdict rests on.
 */
export function useSignatureCheck(
  token: TokenReading | undefined,
  authority: string,
  { auto = false, verify = verifySignature }: { auto?: boolean; verify?: Verify } = {},
): SignatureCheckState {
  const raw = token?.readable ? token.raw : undefined;
  const [state, setState] = useState<{ raw: string; result: SignatureResult | null; busy: boolean } | null>(
    null,
  );
  // The token on screen: an answer about an earlier one is dropped.
  const latest = useRef(raw);
  useEffect(() => {
    latest.current = raw;
  }, [raw]);
  const run = useCallback(
    (showBusy: boolean) => {
      if (raw === undefined) return;
      if (showBusy) setState((s) => ({ raw, result: s?.raw === raw ? s.result : null, busy: true }));
      const settle = (result: SignatureResult) => {
        if (latest.current === raw) setState({ raw, result, busy: false });
      };
      verify(raw, authority).then(settle, (cause: unknown) =>
        settle({ kind: 'unavailable', message: String(cause) }),
      );
    },
    [raw, authority, verify],
  );
  const check = useCallback(() => run(true), [run]);
  // The automatic check is "checking" from the first render on (no state to set when it starts):
  // the token view renders once for the token and once for the answer. It starts once the token is
  // on screen, so that loading jose and fetching the keys do not hold back the frame that shows it.
  useEffect(() => {
    if (auto) return whenPainted('decoded-token', () => run(false));
  }, [auto, run]);
  const current = state?.raw === raw ? state : null;
  const result = current?.result ?? null;
  const busy = current?.busy ?? (auto && raw !== undefined);
  return useMemo(
    () => ({ result, busy, check, status: signatureStatus(result, busy) }),
    [result, busy, check],
  );
}
