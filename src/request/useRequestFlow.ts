import { useState } from 'react';
import { serverNowSeconds } from '../shared/token/tokenTime.ts';
import type { Shown } from './describeSend.ts';
import type { RequestDraft } from './draftReducer.ts';
import { type PerformContext, performSend } from './performSend.ts';
import { answerAsk, type Decision, type Pending, type Plan, planSend } from './planSend.ts';
import type { Problem } from './prepareSend.ts';
import { type MatrixRow, runMatrix } from './runMatrix.ts';

export interface FlowDeps extends Omit<PerformContext, 'sendInvalidJson' | 'skipRoleCheck'> {
  confirmOrigin: (origin: string) => void;
}

/**
 * Send or matrix: plan, ask what must be asked, then send, explain and record (performSend).
 * Every result on screen belongs to the current request: a new send retires the answer shown
 * (marked as the previous request's until the new one replaces it), a matrix run clears it, and
 * a single send clears the matrix.
 */
export function useRequestFlow(deps: FlowDeps) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [retired, setRetired] = useState(false);
  const [matrix, setMatrix] = useState<MatrixRow[] | null>(null);

  const show = (next: Shown | null) => {
    setShown(next);
    setRetired(false);
  };

  const execute = async ({ mode, draft, accepted, sendInvalidJson }: Plan) => {
    const context = { ...deps, confirmedOrigins: [...deps.confirmedOrigins, ...accepted], sendInvalidJson };
    if (mode === 'matrix') {
      show(null);
      await runMatrix((choice) => performSend({ ...draft, tokenChoice: choice }, context), setMatrix);
      return;
    }
    setMatrix(null);
    const outcome = await performSend(draft, context);
    if (outcome.problem) setProblem(outcome.problem);
    else show(outcome.shown);
  };

  /** Send (or run the matrix); asks first when something needs the user's consent. */
  const submit = (mode: Plan['mode'], draft: RequestDraft, sendInvalidJson = false) => {
    setProblem(null);
    setRetired(true);
    const plan: Plan = { mode, draft, accepted: [], sendInvalidJson };
    const serverNow = serverNowSeconds(deps.now(), deps.tokens.clock.skewMs);
    const planned = planSend(plan, { ...deps, serverNow });
    if (!planned.ok) setProblem(planned.problem);
    else if (planned.asks.length > 0) setPending({ ...plan, asks: planned.asks });
    else void execute(plan);
  };

  const answer = (decision: Decision) => {
    if (!pending) return;
    const next = answerAsk(pending, decision);
    if (next.confirmOrigin) deps.confirmOrigin(next.confirmOrigin);
    setPending(next.pending);
    if (next.go) void execute(next.go);
  };

  return {
    pending,
    problem,
    shown,
    /** True while `shown` is the previous request's answer (a newer one is under way or stopped). */
    retired,
    matrix,
    submit,
    answer,
    show,
    dismissProblem: () => setProblem(null),
  };
}
