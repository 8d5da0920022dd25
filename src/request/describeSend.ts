import type { EnvironmentConfig } from '../config/types.ts';
import type { TokenChoice } from './chooseToken.ts';
import type { RequestDraft } from './draftReducer.ts';
import { explainResponse } from './explainResponse.ts';
import { type HistoryEntry, historyEntry } from './historyReducer.ts';
import type { OutgoingRequest, SendResult } from './send.ts';
import { toCurl } from './toCurl.ts';
import { secondsLeft, type TokenFacts, tokenFacts } from './tokenFacts.ts';
import type { Verdict } from './verdict.ts';

/** A sent request with its answer and verdict, as the response view shows it (memory only). */
export interface Shown {
  id: string;
  result: SendResult;
  verdict: Verdict;
  request: OutgoingRequest;
  choice: TokenChoice;
  facts?: TokenFacts | undefined;
  /** Seconds the token had left when the request left (server time). */
  secondsLeft?: number | undefined;
}

interface SendFacts {
  id: string;
  draft: RequestDraft;
  request: OutgoingRequest;
  token: string | undefined;
  result: SendResult;
  /** Local time when the request left. */
  sentAtMs: number;
  clockSkewMs: number;
  environment: Pick<EnvironmentConfig, 'authority' | 'api'>;
  portalOrigin: string;
}

/** What one send means: the verdict for the response view and the token-free history entry. */
export function describeSend(input: SendFacts): { shown: Shown; entry: HistoryEntry } {
  const { draft, request, token, result, environment } = input;
  const serverSentAt = input.sentAtMs + input.clockSkewMs;
  const facts = token === undefined ? undefined : tokenFacts(token);
  const left = facts ? secondsLeft(facts, serverSentAt) : undefined;
  const verdict = explainResponse(result, token, {
    sentAtMs: serverSentAt,
    choice: draft.tokenChoice,
    issuer: environment.authority,
    audience: environment.api.audience,
    requiredRole: environment.api.requiredRole,
    portalOrigin: input.portalOrigin,
    curl: toCurl(request),
  });
  return {
    shown: { id: input.id, result, verdict, request, choice: draft.tokenChoice, facts, secondsLeft: left },
    entry: historyEntry({
      id: input.id,
      at: input.sentAtMs,
      url: request.url,
      draft,
      result,
      facts,
      secondsLeft: left,
    }),
  };
}
