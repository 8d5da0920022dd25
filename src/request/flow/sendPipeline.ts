import type { EnvironmentConfig } from '../../config/types.ts';
import { explainResponse } from '../../shared/bearer/explainResponse.ts';
import { type KnownToken, maskTokens } from '../../shared/bearer/maskTokens.ts';
import type { OutgoingRequest, SendResult } from '../../shared/bearer/send.ts';
import { toCurl } from '../../shared/bearer/toCurl.ts';
import type { Verdict } from '../../shared/bearer/verdict.ts';
import { expectationsOf } from '../../shared/token/judgeToken.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
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
 * The send pipeline, in the order a click goes through it:
 *   1. planSend    every request of the click prepared once, and what must be asked first;
 *   2. answerAsk   each answer releases the plan, stops it, or turns it into a "No token" send;
 *   3. sendOne     a prepared request sent, its answer explained and recorded in history;
 *   4. runMatrix   the same request once per token choice, row by row.
 * useSendFlow holds the state between the steps; nothing here touches React.
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

/** The tokens an endpoint must refuse, after the one it must accept. */
export const MATRIX_CHOICES: readonly TokenChoice[] = ['current', 'none', 'expired', 'tampered', 'id'];

/** One request of a plan: the draft with one token choice, and the request it prepared into. */
export interface Row {
  draft: RequestDraft;
  prepared: Prepared;
}

/** A click, prepared: the request (or the matrix's five), and the questions still to answer. */
export interface Plan {
  mode: 'single' | 'matrix';
  rows: Row[];
  /** What the user must agree to before anything leaves; the matrix asks once for all its rows. */
  asks: Ask[];
  /** The user chose to send invalid JSON as it is. */
  sendInvalidJson: boolean;
}

// 1. Plan ----------------------------------------------------------------------------------------

/**
 * Prepares every request of a click once, and gathers what must be asked. A single send stops at
 * its first problem; the matrix stops only when the request itself is wrong, and a row whose token
 * does not exist yet goes into the table as not sent, with the reason.
 */
export function planSend(
  mode: Plan['mode'],
  draft: RequestDraft,
  context: PrepareContext & { sendInvalidJson: boolean },
): { ok: true; plan: Plan } | { ok: false; problem: Problem } {
  const single = mode === 'single';
  const drafts = single ? [draft] : MATRIX_CHOICES.map((choice) => ({ ...draft, tokenChoice: choice }));
  // The matrix sends refused tokens on purpose: no role warning there.
  const rows = drafts.map((row) => ({
    draft: row,
    prepared: prepareRequest(row, { ...context, skipRoleCheck: !single }),
  }));
  const asks: Ask[] = [];
  for (const [i, { prepared }] of rows.entries()) {
    if (!prepared.ok && (single || i === 0 || prepared.problem.kind !== 'token')) return prepared;
    if (prepared.ok)
      for (const ask of prepared.asks) if (!asks.some((a) => a.kind === ask.kind)) asks.push(ask);
  }
  return { ok: true, plan: { mode, rows, asks, sendInvalidJson: context.sendInvalidJson } };
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
  const [first] = plan.rows;
  if (!ask || !first || decision === 'no') return { step: 'stop' };
  if (decision === 'without-token') {
    return {
      step: 'replan',
      draft: { ...first.draft, tokenChoice: 'none' },
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
    },
    bodyText,
  );
  const id = nextId();
  context.record(historyEntry({ id, at: sentAtMs, url: request.url, draft, result, token, secondsLeft }));
  return { id, result, verdict, request, choice: draft.tokenChoice, sentAtMs, token, secondsLeft, known };
}

// 4. The matrix ----------------------------------------------------------------------------------

export interface MatrixRow {
  choice: TokenChoice;
  state: 'waiting' | 'sending' | 'done' | 'not-sent';
  reason?: string;
  exchange?: Exchange;
}

/**
 * Sends the plan's rows one after the other (so the table fills in order and the API is not hit
 * five times at once); a row without its token is not sent, and a cancelled send stops the rest.
 */
export async function runMatrix(
  rows: readonly Row[],
  send: (draft: RequestDraft, prepared: Extract<Prepared, { ok: true }>) => Promise<Exchange>,
  onChange: (rows: MatrixRow[]) => void,
): Promise<MatrixRow[]> {
  let table: MatrixRow[] = rows.map(({ draft }) => ({ choice: draft.tokenChoice, state: 'waiting' }));
  const update = (i: number, row: MatrixRow) => {
    table = table.map((r, j) => (j === i ? row : r));
    onChange(table);
  };
  onChange(table);
  let cancelled = false;
  for (const [i, { draft, prepared }] of rows.entries()) {
    const choice = draft.tokenChoice;
    if (cancelled) update(i, { choice, state: 'not-sent', reason: 'Cancelled.' });
    else if (!prepared.ok) update(i, { choice, state: 'not-sent', reason: prepared.problem.title });
    else {
      update(i, { choice, state: 'sending' });
      const exchange = await send(draft, prepared);
      update(i, { choice, state: 'done', exchange });
      cancelled = exchange.result.kind === 'cancelled';
    }
  }
  return table;
}
