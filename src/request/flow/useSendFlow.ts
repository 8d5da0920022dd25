import { useCallback, useEffect, useRef, useState } from 'react';
import type { EnvironmentConfig } from '../../config/types.ts';
import { type OutgoingRequest, type SendResult, send } from '../../shared/bearer/send.ts';
import { useServerTime } from '../../shared/serverTime.tsx';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import type { RequestDraft } from '../editor/draft.ts';
import type { HistoryEntry } from '../history/history.ts';
import type { Problem } from '../outgoing/prepareRequest.ts';
import type { OtherEnvironment } from '../outgoing/target.ts';
import {
  answerAsk,
  type Decision,
  type Exchange,
  knownTokensOf,
  type Plan,
  planSend,
  sendContextOf,
  sendOne,
} from './sendPipeline.ts';

interface SendFlowInput {
  environment: EnvironmentConfig;
  otherEnvironments: readonly OtherEnvironment[];
  tokens: SessionTokens;
  confirmedOrigins: readonly string[];
  confirmOrigin: (origin: string) => void;
  record: (entry: HistoryEntry) => void;
  fetch?: typeof fetch | undefined;
  timeoutMs: number;
}

/**
 * The send pipeline's state (sendPipeline.ts does the steps): the plan waiting for answers, what
 * stopped a send and the answer on screen. Every result on screen belongs to the current request:
 * a new send retires the answer shown (marked as the previous request's until the new one
 * replaces it), and a matrix run clears it (the matrix calls `show(null)`).
 */
export function useSendFlow(input: SendFlowInput) {
  const time = useServerTime();
  const sender = useSender(input.fetch, input.timeoutMs);
  const [pending, setPending] = useState<Plan | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [shown, setShown] = useState<Exchange | null>(null);
  const [retired, setRetired] = useState(false);

  const show = (next: Exchange | null) => {
    setShown(next);
    setRetired(false);
  };

  const execute = async ({ draft, prepared }: Plan) => {
    const context = sendContextOf(input.environment, time, {
      send: sender.run,
      record: input.record,
      sessionTokens: knownTokensOf(input.tokens),
    });
    if (prepared.ok) show(await sendOne(draft, prepared, context));
  };

  const begin = (draft: RequestDraft, sendInvalidJson: boolean) => {
    const planned = planSend(draft, {
      environment: input.environment,
      otherEnvironments: input.otherEnvironments,
      tokens: input.tokens,
      confirmedOrigins: input.confirmedOrigins,
      serverNow: time.serverNow(),
      sendInvalidJson,
    });
    if (!planned.ok) setProblem(planned.problem);
    else if (planned.plan.asks.length > 0) setPending(planned.plan);
    else void execute(planned.plan);
  };

  /** Send; asks first when something needs the user's consent. */
  const submit = (draft: RequestDraft, sendInvalidJson = false) => {
    setProblem(null);
    setRetired(true);
    begin(draft, sendInvalidJson);
  };

  const answer = (decision: Decision) => {
    if (!pending) return;
    const answered = answerAsk(pending, decision);
    setPending(answered.step === 'ask' ? answered.plan : null);
    if (answered.step === 'replan') begin(answered.draft, answered.sendInvalidJson);
    if (answered.step !== 'ask' && answered.step !== 'go') return;
    if (answered.confirmOrigin) input.confirmOrigin(answered.confirmOrigin);
    if (answered.step === 'go') void execute(answered.plan);
  };

  return {
    busy: sender.inFlight || pending !== null,
    inFlight: sender.inFlight,
    cancel: sender.cancel,
    pending,
    problem,
    shown,
    /** True while `shown` is the previous request's answer (a newer one is under way or stopped). */
    retired,
    submit,
    answer,
    show,
    dismissProblem: () => setProblem(null),
  };
}

/** One request at a time: in-flight state, cancel via AbortController, and abort on unmount. */
function useSender(fetchImpl: typeof fetch | undefined, timeoutMs: number) {
  const controller = useRef<AbortController | null>(null);
  const [inFlight, setInFlight] = useState(false);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (request: OutgoingRequest): Promise<SendResult> => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setInFlight(true);
      try {
        return await send(request, {
          signal: current.signal,
          timeoutMs,
          ...(fetchImpl ? { fetch: fetchImpl } : {}),
        });
      } finally {
        if (controller.current === current) {
          controller.current = null;
          setInFlight(false);
        }
      }
    },
    [fetchImpl, timeoutMs],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { inFlight, run, cancel };
}
