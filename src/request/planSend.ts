import type { RequestDraft } from './draftReducer.ts';
import { type Ask, type PrepareContext, type Problem, prepareSend } from './prepareSend.ts';
import { MATRIX_CHOICES } from './runMatrix.ts';

/** A send (or matrix) waiting for the user's answers. */
export interface Plan {
  mode: 'single' | 'matrix';
  draft: RequestDraft;
  /** Origins confirmed while answering, before the session list has them. */
  accepted: string[];
  sendInvalidJson: boolean;
}
export interface Pending extends Plan {
  asks: Ask[];
}

export type Decision = 'yes' | 'without-token' | 'no';

/**
 * What must be asked before a send or a matrix run, or what stops it. The matrix asks once for
 * all its rows; a row whose token is not available says so in the table instead of stopping it.
 */
export function planSend(
  plan: Plan,
  context: PrepareContext,
): { ok: true; asks: Ask[] } | { ok: false; problem: Problem } {
  const single = plan.mode === 'single';
  const drafts = single
    ? [plan.draft]
    : MATRIX_CHOICES.map((choice) => ({ ...plan.draft, tokenChoice: choice }));
  const asks: Ask[] = [];
  for (const [i, draft] of drafts.entries()) {
    const prepared = prepareSend(draft, {
      ...context,
      sendInvalidJson: plan.sendInvalidJson,
      skipRoleCheck: !single,
    });
    if (!prepared.ok && (single || i === 0 || prepared.problem.kind !== 'token')) return prepared;
    if (prepared.ok)
      for (const ask of prepared.asks) if (!asks.some((a) => a.kind === ask.kind)) asks.push(ask);
  }
  return { ok: true, asks };
}

/**
 * One answer to the first pending question: ask the next one, stop, or go. "Without the token"
 * turns the send into a "No token" one; "yes" to an origin records it for this session.
 */
export function answerAsk(
  pending: Pending,
  decision: Decision,
): { pending: Pending | null; go?: Plan; confirmOrigin?: string } {
  const [ask, ...rest] = pending.asks;
  if (!ask || decision === 'no') return { pending: null };
  let next: Pending = { ...pending, asks: rest };
  let confirmOrigin: string | undefined;
  if (ask.kind === 'origin' && decision === 'yes') {
    confirmOrigin = ask.origin;
    next = { ...next, accepted: [...next.accepted, ask.origin] };
  }
  if (decision === 'without-token') next = { ...next, draft: { ...next.draft, tokenChoice: 'none' } };
  const outcome = rest.length > 0 ? { pending: next } : { pending: null, go: next };
  return confirmOrigin ? { ...outcome, confirmOrigin } : outcome;
}
