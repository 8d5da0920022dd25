import { leewayOf } from '../../config/readConfig.ts';
import type { EnvironmentConfig } from '../../config/types.ts';
import { type KnownToken, maskTokens } from '../../shared/bearer/maskTokens.ts';
import type { OutgoingRequest, SendResult } from '../../shared/bearer/send.ts';
import { toCurl } from '../../shared/bearer/toCurl.ts';
import { explainResponse } from '../../shared/bearer/verdict/explainResponse.ts';
import type { Verdict } from '../../shared/bearer/verdict/verdict.ts';
import type { ServerTime } from '../../shared/serverTime.tsx';
import { expectationsOf } from '../../shared/token/judgeToken.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import { tokenTime, wholeSecondsLeft } from '../../shared/token/tokenTime.ts';
import { probeOf, type RequestDraft, type TokenChoice } from '../editor/draft.ts';
import { type HistoryEntry, historyEntry } from '../history/history.ts';
import {
  type Ask,
  type PrepareContext,
  type Prepared,
  type Problem,
  prepareRequest,
} from '../outgoing/prepareRequest.ts';

/*
 * The send pipeline, in the order a click on Send goes through it:
 *   1. planSend    the request prepared once, and what must be asked first;
 *   2. answerAsk   each answer releases the plan, stops it, or turns it into a "No token" send;
 *   3. sendOne     a prepared request sent, its answer explained and recorded in history.
 * The authorization matrix (../matrix/) prepares its cells with prepareRequest and sends each
 * through sendOne: it asks nothing per cell. useSendFlow holds the state between the steps;
 * nothing here touches React.
 */

/** One send and its answer, explained: what the response view shows (memory only). */
export interface Exchange {
  id: string;
  request: OutgoingRequest;
  choice: TokenChoice;
  /** Who the token belongs to when it is not the tab's own ("patient"): the matrix's identities. */
  tokenLabel?: string | undefined;
  /** The token that was sent, as read once when it was chosen. */
  token?: TokenReading | undefined;
  /** Local time the request left. */
  sentAtMs: number;
  /** Whole seconds the token had left when the request left (server time). */
  secondsLeft?: number | undefined;
  /** The answer, its readable headers with tokens masked (the body is masked when shown). */
  result: SendResult;
  verdict: Verdict;
  /** The tokens to mask wherever the answer shows them: the one sent, and the session's. */
  known: KnownToken[];
}

/** A click, prepared: the draft, the request it prepared into, and the questions still to answer. */
export interface Plan {
  draft: RequestDraft;
  prepared: Prepared;
  /** What the user must agree to before anything leaves. */
  asks: Ask[];
  /** The user chose to send invalid JSON as it is. */
  sendInvalidJson: boolean;
}

// 1. Plan ----------------------------------------------------------------------------------------

/** Prepares the request of a click once, and gathers what must be asked; stops at its first problem. */
export function planSend(
  draft: RequestDraft,
  context: PrepareContext & { sendInvalidJson: boolean },
): { ok: true; plan: Plan } | { ok: false; problem: Problem } {
  const prepared = prepareRequest(draft, context);
  if (!prepared.ok) return prepared;
  const asks: Ask[] = [];
  for (const ask of prepared.asks) if (!asks.some((a) => a.kind === ask.kind)) asks.push(ask);
  return { ok: true, plan: { draft, prepared, asks, sendInvalidJson: context.sendInvalidJson } };
}

// 2. Answer --------------------------------------------------------------------------------------

export type Decision = 'yes' | 'without-token' | 'no';

export type Answered =
  | { step: 'stop' }
  | { step: 'ask' | 'go'; plan: Plan; confirmOrigin?: string }
  /** "Without the token" is another request (a "No token" send): it is planned anew. */
  | { step: 'replan'; draft: RequestDraft; sendInvalidJson: boolean };

/** One answer to the first question: ask the next one, go, stop, or plan a send without the token. */
export function answerAsk(plan: Plan, decision: Decision): Answered {
  const [ask, ...rest] = plan.asks;
  if (!ask || decision === 'no') return { step: 'stop' };
  if (decision === 'without-token') {
    return {
      step: 'replan',
      draft: { ...plan.draft, tokenChoice: 'none' },
      sendInvalidJson: plan.sendInvalidJson,
    };
  }
  const next = { step: rest.length > 0 ? ('ask' as const) : ('go' as const), plan: { ...plan, asks: rest } };
  // "Yes" to an origin is remembered for this tab: it is not asked again.
  return ask.kind === 'origin' ? { ...next, confirmOrigin: ask.origin } : next;
}

// 3. Send, explain, record -----------------------------------------------------------------------

export interface SendContext {
  environment: Pick<EnvironmentConfig, 'authority' | 'api' | 'presets'>;
  portalOrigin: string;
  /** Our clock (ms) and the server's skew, to date the send in server time. */
  now: () => number;
  skewMs: number;
  send: (request: OutgoingRequest) => Promise<SendResult>;
  record: (entry: HistoryEntry) => void;
  /** This tab's tokens, masked if the answer echoes them. */
  sessionTokens?: readonly KnownToken[];
}

/**
 * The context of a send from the page: the portal's origin and the session's server clock, with
 * what each caller decides (how it sends, what it records, which tokens it masks). The request
 * pane and the matrix both send through it.
 */
export const sendContextOf = (
  environment: SendContext['environment'],
  time: Pick<ServerTime, 'now' | 'clock'>,
  caller: Pick<SendContext, 'send' | 'record' | 'sessionTokens'>,
): SendContext => ({
  environment,
  portalOrigin: globalThis.location?.origin ?? '',
  now: time.now,
  skewMs: time.clock.skewMs,
  ...caller,
});

/** A session's tokens as masking knows them: an API that echoes one gets it named, not shown. */
export function knownTokensOf(tokens: SessionTokens, whose?: string): KnownToken[] {
  const owner = whose === undefined ? 'your' : `${whose}'s`;
  return [
    { raw: tokens.access.raw, label: `${owner} access token` },
    ...(tokens.id ? [{ raw: tokens.id.raw, label: `${owner} ID token` }] : []),
    ...tokens.earlier.map((t) => ({ raw: t.raw, label: `an earlier access token of ${whose ?? 'yours'}` })),
  ];
}

/** Enough of the body to find an HTML title or a JSON error, without reading megabytes twice. */
const PEEK_BYTES = 16 * 1024;
const peek = (body: Blob) =>
  body
    .slice(0, PEEK_BYTES)
    .text()
    .catch(() => '');

let sequence = 0;
const nextId = () => {
  sequence += 1;
  return `r${Date.now().toString(36)}-${sequence}`;
};

/**
 * Sends one prepared request, explains the answer with the token that was actually sent (judged at
 * the moment it left, in server time), and records the send in history without its token.
 */
export async function sendOne(
  draft: RequestDraft,
  prepared: Extract<Prepared, { ok: true }>,
  context: SendContext,
): Promise<Exchange> {
  const { request, token } = prepared;
  const sentAtMs = context.now();
  const known = [
    ...(token ? [{ raw: token.raw, label: 'the token you sent' }] : []),
    ...(context.sessionTokens ?? []),
  ];
  const mask = (text: string) => maskTokens(text, known);
  const answer = await context.send(request);
  // Case 42: an API that echoes the token gets it masked, in the verdict and the headers alike.
  const result: SendResult =
    answer.kind === 'response'
      ? { ...answer, headers: answer.headers.map(([name, value]) => [name, mask(value)]) }
      : answer;
  const bodyText = result.kind === 'response' ? mask(await peek(result.body)) : '';
  const serverSentAtMs = sentAtMs + context.skewMs;
  const secondsLeft = token ? wholeSecondsLeft(tokenTime(token, serverSentAtMs / 1000)) : undefined;
  const preset = context.environment.presets.find((p) => p.name === draft.presetName);
  const verdict = explainResponse(
    result,
    token,
    {
      sentAtMs: serverSentAtMs,
      probe: probeOf(draft.tokenChoice),
      expected: expectationsOf(context.environment, preset?.requiredRole),
      portalOrigin: context.portalOrigin,
      curl: toCurl(request),
      method: request.method,
      leewaySeconds: leewayOf(context.environment.api),
    },
    bodyText,
  );
  const id = nextId();
  context.record(historyEntry({ id, at: sentAtMs, url: request.url, draft, result, token, secondsLeft }));
  return { id, result, verdict, request, choice: draft.tokenChoice, sentAtMs, token, secondsLeft, known };
}
