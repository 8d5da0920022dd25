import { useEffect, useEffectEvent, useMemo, useReducer, useState } from 'react';
import { leewayOf } from '../../config/readConfig.ts';
import type { EnvironmentConfig } from '../../config/types.ts';
import { useServerTime } from '../../shared/serverTime.tsx';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import { runAfter } from '../../shared/useNow.ts';
import { draftReducer, initialDraft, type RequestDraft } from '../editor/draft.ts';
import type { HistoryEntry } from '../history/history.ts';
import { useConfirmedOrigins, useRequestHistory } from '../history/tabMemory.ts';
import { prepareRequest } from '../outgoing/prepareRequest.ts';
import type { OtherEnvironment } from '../outgoing/target.ts';
import { useSendFlow } from './useSendFlow.ts';

export interface RequestPaneInput {
  environment: EnvironmentConfig;
  /** The other environments of config.json: their APIs never get this environment's token. */
  otherEnvironments: readonly OtherEnvironment[];
  tokens: SessionTokens;
  fetch?: typeof fetch | undefined;
  storage: Storage | undefined;
  timeoutMs: number;
}

/**
 * Everything the request pane shows and does, wired once: the draft, the exact request it would
 * send now (for the preview and "Copy as curl"), the send flow, this tab's history and confirmed
 * origins, and the send armed for the moment the token expires.
 */
export function useRequestPane({
  environment,
  otherEnvironments,
  tokens,
  fetch,
  storage,
  timeoutMs,
}: RequestPaneInput) {
  const time = useServerTime();
  const [draft, dispatch] = useReducer(draftReducer, environment.presets, initialDraft);
  const [timeoutSeconds, setTimeoutSeconds] = useState(timeoutMs / 1000);
  const history = useRequestHistory(storage);
  const { origins, confirm } = useConfirmedOrigins(storage, environment.id);
  const flow = useSendFlow({
    environment,
    otherEnvironments,
    tokens,
    confirmedOrigins: origins,
    confirmOrigin: confirm,
    record: history.add,
    fetch,
    timeoutMs: Math.max(1, timeoutSeconds) * 1000,
  });
  // Recomputed when the draft, the tokens or the origins change ("expired" is chosen by the time of
  // that change); a send prepares its own request, once, at the click.
  const preview = useMemo(
    () =>
      prepareRequest(draft, {
        environment,
        otherEnvironments,
        tokens,
        confirmedOrigins: origins,
        serverNow: time.serverNow(),
      }),
    [draft, environment, otherEnvironments, tokens, origins, time],
  );

  const send = (which: RequestDraft = draft, sendInvalidJson = false) => {
    if (!flow.busy) flow.submit(which, sendInvalidJson);
  };
  const reopen = (entry: HistoryEntry) => {
    const loaded = draftReducer(draft, { type: 'load', draft: entry.draft });
    dispatch({ type: 'load', draft: entry.draft });
    return loaded;
  };

  return {
    draft,
    dispatch,
    preview,
    flow,
    history,
    confirmedOrigins: origins,
    send,
    reopen,
    resend: (entry: HistoryEntry) => send(reopen(entry)),
    sendAtExpiry: {
      ...useSendAtExpiry(() => send({ ...draft, tokenChoice: 'expired' }), time.now),
      leewaySeconds: leewayOf(environment.api),
    },
    timeout: { seconds: timeoutSeconds, set: setTimeoutSeconds },
  };
}

/**
 * "Send when it expires": one send, armed for a moment in local time (the current token's `exp`
 * in server time, converted with the skew), fired once and then forgotten. Disarmed by the user,
 * or when the pane goes away.
 */
function useSendAtExpiry(fire: () => void, now: () => number) {
  const [armedAt, setArmedAt] = useState<number | null>(null);
  const onTime = useEffectEvent(() => {
    setArmedAt(null);
    fire();
  });
  useEffect(() => (armedAt === null ? undefined : runAfter(armedAt - now(), onTime)), [armedAt, now]);
  return { armedAt, arm: setArmedAt, disarm: () => setArmedAt(null) };
}
