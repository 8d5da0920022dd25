import type { EnvironmentConfig } from '../config/types.ts';
import { expectationsOf } from '../shared/token/judgeToken.ts';
import type { TokenReading } from '../shared/token/readToken.ts';
import { tokenTime, wholeSecondsLeft } from '../shared/token/tokenTime.ts';
import type { TokenChoice } from './chooseToken.ts';
import type { RequestDraft } from './draftReducer.ts';
import { explainResponse } from './explainResponse.ts';
import { type HistoryEntry, historyEntry } from './historyReducer.ts';
import type { OutgoingRequest, SendResult } from './send.ts';
import { toCurl } from './toCurl.ts';
import type { Verdict } from './verdict.ts';

/** A sent request with its answer and verdict, as the response view shows it (memory only). */
export interface Shown {
  id: string;
  result: SendResult;
  verdict: Verdict;
  request: OutgoingRequest;
  choice: TokenChoice;
  /** Local time the request left. */
  sentAtMs: number;
  /** The token that was sent, as read once when it was chosen. */
  token?: TokenReading | undefined;
  /** Whole seconds the token had left when the request left (server time). */
  secondsLeft?: number | undefined;
}

interface SendFacts {
  id: string;
  draft: RequestDraft;
  request: OutgoingRequest;
  token: TokenReading | undefined;
  result: SendResult;
  /** The start of the body, for the explainer (an HTML title, a JSON error). */
  bodyText: string;
  /** Local time when the request left. */
  sentAtMs: number;
  clockSkewMs: number;
  environment: Pick<EnvironmentConfig, 'authority' | 'api' | 'presets'>;
  portalOrigin: string;
}

/** What one send means: the verdict for the response view and the token-free history entry. */
export function describeSend(input: SendFacts): { shown: Shown; entry: HistoryEntry } {
  const { draft, request, token, result, environment } = input;
  const serverSentAt = input.sentAtMs + input.clockSkewMs;
  const left = token ? wholeSecondsLeft(tokenTime(token, serverSentAt / 1000)) : undefined;
  const preset = environment.presets.find((p) => p.name === draft.presetName);
  const verdict = explainResponse(
    result,
    token,
    {
      sentAtMs: serverSentAt,
      choice: draft.tokenChoice,
      expected: expectationsOf(environment, preset?.requiredRole),
      portalOrigin: input.portalOrigin,
      curl: toCurl(request),
    },
    input.bodyText,
  );
  return {
    shown: {
      id: input.id,
      result,
      verdict,
      request,
      choice: draft.tokenChoice,
      sentAtMs: input.sentAtMs,
      token,
      secondsLeft: left,
    },
    entry: historyEntry({
      id: input.id,
      at: input.sentAtMs,
      url: request.url,
      draft,
      result,
      token,
      secondsLeft: left,
    }),
  };
}
