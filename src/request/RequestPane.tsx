import { type KeyboardEvent, memo } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { largeToken } from '../shared/bearer/largeToken.ts';
import { openSection } from '../shared/sections.ts';
import type { Identity } from '../shared/token/identity.ts';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
import { Callout } from '../ui/Callout.tsx';
import { CodePanel } from './code/CodePanel.tsx';
import { ExchangeReport } from './ExchangeReport.tsx';
import { BodyEditor } from './editor/BodyEditor.tsx';
import { HeadersEditor } from './editor/HeadersEditor.tsx';
import { RequestLine } from './editor/RequestLine.tsx';
import { TokenPicker } from './editor/TokenPicker.tsx';
import { ConfirmPanel } from './flow/ConfirmPanel.tsx';
import { useRequestPane } from './flow/useRequestPane.ts';
import { HistoryList } from './history/HistoryList.tsx';
import { MatrixPanel } from './matrix/MatrixPanel.tsx';
import { useMatrix } from './matrix/useMatrix.ts';
import { CurlCopy } from './outgoing/CurlCopy.tsx';
import { HeadersPreview } from './outgoing/HeadersPreview.tsx';
import type { OtherEnvironment } from './outgoing/target.ts';
import { ResponseView } from './response/ResponseView.tsx';
import type { Scheduler } from './response/useFormattedLines.ts';

const NONE: readonly OtherEnvironment[] = [];

import './request.css';

export interface RequestPaneProps {
  /**
   * Which section shows: one request and its answer, or the matrix. One pane behind both, so the
   * matrix runs the draft and history of the request section, and each keeps its state.
   */
  view?: 'call' | 'matrix';
  environment: EnvironmentConfig;
  /** config.json's other environments: their APIs never get this environment's token. */
  otherEnvironments?: readonly OtherEnvironment[];
  /** The session's tokens, read once by the shell (the server's clock comes from ServerTimeProvider). */
  tokens: SessionTokens;
  /** Other users signed in beside the tab's own (identities/): the matrix sends with each. */
  identities?: readonly Identity[];
  /** Injected in tests: the network, this tab's storage, the slice scheduler. */
  fetch?: typeof fetch;
  storage?: Storage;
  timeoutMs?: number;
  schedule?: Scheduler;
}

const NO_IDENTITIES: readonly Identity[] = [];

/**
 * Memoised: its props change only with the token, so the shell's other updates (session events,
 * the signature check's answer) skip the whole pane.
 */
export const RequestPane = memo(RequestPaneView);

/** Call the API with the bearer, and reproduce and explain every unauthorized. */
function RequestPaneView({
  view = 'call',
  environment,
  otherEnvironments = NONE,
  tokens,
  identities = NO_IDENTITIES,
  fetch,
  storage = globalThis.sessionStorage,
  timeoutMs = 30_000,
  schedule,
}: RequestPaneProps) {
  const pane = useRequestPane({ environment, otherEnvironments, tokens, fetch, storage, timeoutMs });
  const { draft, dispatch, preview, flow } = pane;
  const large = preview.ok ? largeToken(preview.token) : null;
  const matrix = useMatrix({
    environment,
    otherEnvironments,
    tokens,
    identities,
    draft,
    history: pane.history.entries,
    confirmedOrigins: pane.confirmedOrigins,
    fetch,
    timeoutMs: pane.timeout.seconds * 1000,
    onStart: () => flow.show(null),
  });
  const answer = flow.shown && (
    <>
      <ResponseView key={flow.shown.id} exchange={flow.shown} retired={flow.retired} schedule={schedule} />
      <ExchangeReport key={`report-${flow.shown.id}`} exchange={flow.shown} environment={environment} />
    </>
  );
  if (view === 'matrix') {
    return (
      <section className="card rq" aria-labelledby="matrix-title">
        <MatrixPanel matrix={matrix} environment={environment} onShow={flow.show} />
        {answer}
      </section>
    );
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      pane.send();
    }
  };

  return (
    <section className="card rq" aria-labelledby="request-title" onKeyDown={onKeyDown}>
      <div className="card__head">
        <h2 id="request-title">Call the API</h2>
        {environment.production && (
          <span className="pill tone-bad">Production: changes ask for confirmation</span>
        )}
      </div>
      <RequestLine
        draft={draft}
        dispatch={dispatch}
        baseUrl={environment.api.baseUrl}
        presets={environment.presets}
      />
      <div className="rq-grid">
        <div className="rq-grid__column">
          <TokenPicker draft={draft} dispatch={dispatch} tokens={tokens} sendAtExpiry={pane.sendAtExpiry} />
          <HeadersEditor rows={draft.headers} dispatch={dispatch} />
          <BodyEditor draft={draft} dispatch={dispatch} />
        </div>
        <div className="rq-grid__column">
          <HeadersPreview prepared={preview} choice={draft.tokenChoice} />
          {large && <Callout explanation={large} role="note" />}
          <CurlCopy prepared={preview} />
          {preview.ok && <CodePanel request={preview.request} />}
        </div>
      </div>
      {preview.ok &&
        preview.warnings.map((warning) => (
          <p key={warning.kind} className="small text-warn rq-send__warning" role="note">
            ⚠ {warning.message}
          </p>
        ))}
      <div className="actions rq-send">
        <button
          type="button"
          className="button button--primary"
          disabled={flow.busy}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          onClick={() => pane.send()}
        >
          Send
        </button>
        {flow.inFlight && (
          <button type="button" className="button button--danger" onClick={flow.cancel}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={flow.busy || matrix.running}
          onClick={() => {
            matrix.startDraft();
            openSection('matrix');
          }}
          title="Sends this request as each identity, and with no, tampered, expired and ID token; the grid opens in Matrix"
        >
          Run the unauthorized matrix
        </button>
        <span className="small muted">Ctrl+Enter or ⌘+Enter sends.</span>
        <label className="small">
          Timeout (s){' '}
          <input
            type="number"
            className="input rq-send__timeout"
            min={1}
            max={600}
            value={pane.timeout.seconds}
            onChange={(e) => pane.timeout.set(Number(e.target.value) || 30)}
          />
        </label>
        {flow.inFlight && (
          <span className="small muted" role="status">
            Waiting for the API…
          </span>
        )}
      </div>
      {flow.pending?.asks[0] && (
        <ConfirmPanel key={flow.pending.asks.length} ask={flow.pending.asks[0]} onAnswer={flow.answer} />
      )}
      {flow.problem && (
        <Callout explanation={{ ...flow.problem, title: `Not sent: ${flow.problem.title}` }} role="alert">
          <div className="actions">
            {flow.problem.kind === 'json' && (
              <button type="button" className="button" onClick={() => pane.send(draft, true)}>
                Send as text anyway
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={flow.dismissProblem}>
              Dismiss
            </button>
          </div>
        </Callout>
      )}
      {answer}
      <HistoryList
        entries={pane.history.entries}
        problem={pane.history.problem}
        onReopen={pane.reopen}
        onResend={pane.resend}
        onClear={pane.history.clear}
      />
    </section>
  );
}
