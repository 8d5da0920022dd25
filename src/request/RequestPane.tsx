import { type KeyboardEvent, useMemo, useReducer, useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
import { serverNowSeconds } from '../shared/token/tokenTime.ts';
import { BodyEditor } from './BodyEditor.tsx';
import { ConfirmPanel } from './ConfirmPanel.tsx';
import { CurlCopy } from './CurlCopy.tsx';
import { draftReducer, initialDraft, type RequestDraft } from './draftReducer.ts';
import { HeadersEditor } from './HeadersEditor.tsx';
import { HeadersPreview } from './HeadersPreview.tsx';
import { HistoryList } from './HistoryList.tsx';
import type { HistoryEntry } from './historyReducer.ts';
import { MatrixTable } from './MatrixTable.tsx';
import { ProblemBox } from './ProblemBox.tsx';
import { prepareSend } from './prepareSend.ts';
import { RequestLine } from './RequestLine.tsx';
import { ResponseView } from './ResponseView.tsx';
import { TokenPicker } from './TokenPicker.tsx';
import { useConfirmedOrigins } from './useConfirmedOrigins.ts';
import type { Scheduler } from './useFormattedLines.ts';
import { useRequestFlow } from './useRequestFlow.ts';
import { useRequestHistory } from './useRequestHistory.ts';
import { useSendAtExpiry } from './useSendAtExpiry.ts';
import { useSendRequest } from './useSendRequest.ts';
import './request.css';

export interface RequestPaneProps {
  environment: EnvironmentConfig;
  /** The session's tokens, read once by the shell, with the server's clock. */
  tokens: SessionTokens;
  /** Injected in tests: the network, the clock, this tab's storage, the slice scheduler. */
  fetch?: typeof fetch;
  now?: () => number;
  storage?: Storage;
  timeoutMs?: number;
  schedule?: Scheduler;
}

/** Call the API with the bearer, and reproduce and explain every unauthorized. */
export function RequestPane({
  environment,
  tokens,
  fetch,
  now: injectedNow,
  storage = globalThis.sessionStorage,
  timeoutMs = 30_000,
  schedule,
}: RequestPaneProps) {
  // The preview's clock stays the shared default (one app-wide interval) unless a test injects one.
  const now = injectedNow ?? Date.now;
  const [draft, dispatch] = useReducer(draftReducer, environment.presets, initialDraft);
  const [timeoutSeconds, setTimeoutSeconds] = useState(timeoutMs / 1000);
  const sender = useSendRequest({ fetch, timeoutMs: Math.max(1, timeoutSeconds) * 1000 });
  const history = useRequestHistory(storage);
  const { origins, confirm } = useConfirmedOrigins(storage);
  const flow = useRequestFlow({
    environment,
    tokens,
    now,
    portalOrigin: globalThis.location?.origin ?? '',
    confirmedOrigins: origins,
    confirmOrigin: confirm,
    run: sender.run,
    record: history.add,
  });
  const skewMs = tokens.clock.skewMs;
  // Recomputed when the draft or the tokens change; "expired" is chosen by the time of that change.
  const prepared = useMemo(
    () =>
      prepareSend(draft, {
        environment,
        tokens,
        confirmedOrigins: origins,
        serverNow: serverNowSeconds(now(), skewMs),
      }),
    [draft, environment, tokens, origins, now, skewMs],
  );
  const busy = sender.inFlight || flow.pending !== null;

  const send = (which: RequestDraft = draft, sendInvalidJson = false) => {
    if (!busy) flow.submit('single', which, sendInvalidJson);
  };
  const sendAtExpiry = useSendAtExpiry(() => send({ ...draft, tokenChoice: 'expired' }), now);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };
  const reopen = (entry: HistoryEntry) => {
    const loaded = draftReducer(draft, { type: 'load', draft: entry.draft });
    dispatch({ type: 'load', draft: entry.draft });
    return loaded;
  };

  return (
    <section className="card rq" aria-labelledby="request-title" onKeyDown={onKeyDown}>
      <div className="card__head">
        <h2 id="request-title">Call the API</h2>
        {environment.production && (
          <span className="rq-production small">Production: changes ask for confirmation</span>
        )}
      </div>
      <RequestLine
        draft={draft}
        dispatch={dispatch}
        baseUrl={environment.api.baseUrl}
        presets={environment.presets}
      />
      <div className="rq-grid">
        <div className="rq-col">
          <TokenPicker
            draft={draft}
            dispatch={dispatch}
            tokens={tokens}
            sendAtExpiry={sendAtExpiry}
            now={injectedNow}
          />
          <HeadersEditor rows={draft.headers} dispatch={dispatch} />
          <BodyEditor draft={draft} dispatch={dispatch} />
        </div>
        <div className="rq-col">
          <HeadersPreview prepared={prepared} choice={draft.tokenChoice} skewMs={skewMs} now={injectedNow} />
          {prepared.ok &&
            prepared.asks.map((ask) => (
              <p key={ask.kind} className="small rq-warn">
                ⚠ {ask.message}
              </p>
            ))}
          <CurlCopy prepared={prepared} />
        </div>
      </div>
      <div className="actions rq-send">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={() => send()}
        >
          Send
        </button>
        {sender.inFlight && (
          <button type="button" className="button button--danger" onClick={sender.cancel}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => flow.submit('matrix', draft)}
          title="Sends this request with the current, no, expired, tampered and ID token"
        >
          Run the unauthorized matrix
        </button>
        <span className="small muted">Ctrl+Enter or ⌘+Enter sends.</span>
        <label className="small rq-timeout">
          Timeout (s){' '}
          <input
            type="number"
            min={1}
            max={600}
            value={timeoutSeconds}
            onChange={(e) => setTimeoutSeconds(Number(e.target.value) || 30)}
          />
        </label>
        {sender.inFlight && (
          <span className="small muted" role="status">
            Waiting for the API…
          </span>
        )}
      </div>
      {flow.pending?.asks[0] && (
        <ConfirmPanel
          key={flow.pending.asks.length}
          ask={flow.pending.asks[0]}
          allowWithoutToken={flow.pending.mode === 'single'}
          onAnswer={flow.answer}
        />
      )}
      {flow.problem && (
        <ProblemBox
          problem={flow.problem}
          onSendAnyway={() => send(draft, true)}
          onDismiss={flow.dismissProblem}
        />
      )}
      {flow.matrix && <MatrixTable rows={flow.matrix} onShow={flow.show} />}
      {flow.shown && (
        <ResponseView key={flow.shown.id} shown={flow.shown} retired={flow.retired} schedule={schedule} />
      )}
      <HistoryList
        entries={history.entries}
        problem={history.problem}
        onReopen={reopen}
        onResend={(entry) => send(reopen(entry))}
        onClear={history.clear}
      />
    </section>
  );
}
