import type { EnvironmentConfig } from '../config/types.ts';
import { serverNowSeconds } from '../shared/token/tokenTime.ts';
import { describeSend } from './describeSend.ts';
import type { RequestDraft } from './draftReducer.ts';
import type { HistoryEntry } from './historyReducer.ts';
import { type PrepareContext, prepareSend } from './prepareSend.ts';
import type { SendOutcome } from './runMatrix.ts';
import type { OutgoingRequest, SendResult } from './send.ts';

export interface PerformContext extends Omit<PrepareContext, 'serverNow'> {
  environment: EnvironmentConfig;
  now: () => number;
  portalOrigin: string;
  run: (request: OutgoingRequest) => Promise<SendResult>;
  record: (entry: HistoryEntry) => void;
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
 * Sends one draft whose questions were all answered: prepare (which still refuses what must never
 * leave), send, explain, and record it in history without its token.
 */
export async function performSend(draft: RequestDraft, context: PerformContext): Promise<SendOutcome> {
  const skewMs = context.tokens.clock.skewMs;
  const sentAtMs = context.now();
  const serverNow = serverNowSeconds(sentAtMs, skewMs);
  const prepared = prepareSend(draft, { ...context, serverNow, skipRoleCheck: true });
  if (!prepared.ok) return { problem: prepared.problem };
  const result = await context.run(prepared.request);
  const bodyText = result.kind === 'response' ? await peek(result.body) : '';
  const { shown, entry } = describeSend({
    id: nextId(),
    draft,
    request: prepared.request,
    token: prepared.token,
    result,
    bodyText,
    sentAtMs,
    clockSkewMs: skewMs,
    environment: context.environment,
    portalOrigin: context.portalOrigin,
  });
  context.record(entry);
  return { shown };
}
