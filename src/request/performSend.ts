import type { EnvironmentConfig } from '../config/types.ts';
import { describeSend } from './describeSend.ts';
import type { RequestDraft } from './draftReducer.ts';
import type { HistoryEntry } from './historyReducer.ts';
import { type PrepareContext, prepareSend } from './prepareSend.ts';
import type { SendOutcome } from './runMatrix.ts';
import type { OutgoingRequest, SendResult } from './send.ts';

export interface PerformContext extends PrepareContext {
  environment: EnvironmentConfig;
  clockSkewMs: number;
  now: () => number;
  portalOrigin: string;
  run: (request: OutgoingRequest) => Promise<SendResult>;
  record: (entry: HistoryEntry) => void;
}

let sequence = 0;
const nextId = () => {
  sequence += 1;
  return `r${Date.now().toString(36)}-${sequence}`;
};

/**
 * Sends one draft whose questions were all answered: prepare (which still refuses what must never
 * leave), send, explain, and record it in history without its token.
 */
export async function performSend(draft: RequestDraft, context: PerformContext): Promise<SendOutcome> {
  const prepared = prepareSend(draft, { ...context, skipRoleCheck: true });
  if (!prepared.ok) return { problem: prepared.problem };
  const sentAtMs = context.now();
  const result = await context.run(prepared.request);
  const { shown, entry } = describeSend({
    id: nextId(),
    draft,
    request: prepared.request,
    token: prepared.token,
    result,
    sentAtMs,
    clockSkewMs: context.clockSkewMs,
    environment: context.environment,
    portalOrigin: context.portalOrigin,
  });
  context.record(entry);
  return { shown };
}
