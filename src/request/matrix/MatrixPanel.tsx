import { useEffect, useMemo, useRef } from 'react';
import { WRITES_DATA } from '../../config/methods.ts';
import { leewayOf } from '../../config/readConfig.ts';
import type { EnvironmentConfig } from '../../config/types.ts';
import { sectionHref } from '../../shared/sections.ts';
import { useServerTime } from '../../shared/serverTime.tsx';
import { bringIntoView } from '../../ui/bringIntoView.ts';
import { Callout } from '../../ui/Callout.tsx';
import { CodeBlock } from '../../ui/CodeBlock.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { CurlCallout } from '../../ui/CurlCallout.tsx';
import { DownloadLink } from '../../ui/DownloadLink.tsx';
import type { Exchange } from '../flow/sendPipeline.ts';
import { shortStatus } from '../history/history.ts';
import { BugReport } from '../report/BugReport.tsx';
import { ExpiresIn } from './ExpiresIn.tsx';
import { MatrixGrid, MatrixLegend } from './MatrixGrid.tsx';
import { FillExpired, WriteConfirm } from './MatrixPrompts.tsx';
import { matrixCsv, matrixMarkdown } from './matrixExport.ts';
import { matrixReport } from './matrixReport.ts';
import type { MatrixCell } from './matrixRun.ts';
import type { MatrixRun, useMatrix } from './useMatrix.ts';
import './matrix.css';

interface MatrixPanelProps {
  /** The matrix's state, held by the pane (its "Run the unauthorized matrix" runs the draft). */
  matrix: ReturnType<typeof useMatrix>;
  environment: EnvironmentConfig;
  /** Opens a cell's full answer in the response view. */
  onShow: (exchange: Exchange) => void;
}

const summaryOf = (cells: readonly MatrixCell[], running: boolean) => {
  const count = (test: (cell: MatrixCell) => boolean) => cells.filter(test).length;
  const done = count((c) => c.state === 'done');
  const notSent = count((c) => c.state === 'not-sent');
  const findings = count((c) => c.check?.kind === 'finding');
  const differs = count((c) => c.check?.kind === 'differs');
  if (running) return `Sending: ${done} of ${cells.length - notSent} answered…`;
  return `${done} answered, ${notSent} not sent; ${findings} finding${findings === 1 ? '' : 's'}, ${differs} other difference${differs === 1 ? '' : 's'}.`;
};

/** Requests × identities: pick, run, read the grid, explain a cell, export, report. */
export function MatrixPanel({ matrix, environment, onShow }: MatrixPanelProps) {
  const { clock } = useServerTime();
  const { run, openCell } = matrix;
  const grid = useRef<HTMLElement>(null);
  // A new run's grid comes to the eye, wherever Run was clicked from (Call the API's button too).
  const runAt = run?.atMs;
  useEffect(() => {
    if (runAt !== undefined) bringIntoView(grid.current);
  }, [runAt]);
  const report = async () =>
    run
      ? matrixReport({
          environment: {
            label: environment.label,
            authority: environment.authority,
            apiBaseUrl: environment.api.baseUrl,
          },
          atMs: run.atMs,
          skew: { skewMs: clock.skewMs, skewMeasured: clock.measured },
          table: run,
        })
      : '';
  return (
    <div className="rq-mx">
      <div className="card__head">
        <h2 id="matrix-title">Authorization matrix across identities</h2>
      </div>
      <p className="small muted">
        Sends each request picked with each identity picked (four at a time), and marks every answer that
        differs from the preset’s required role. Add users to compare under{' '}
        <a href={sectionHref('identities')}>Identities</a>.
      </p>
      <div className="rq-mx-pick">
        <fieldset>
          <legend>Requests</legend>
          {matrix.requests.map((request) => (
            <label key={request.id} className="rq-mx-pick__item">
              <input
                type="checkbox"
                checked={matrix.pickedRequests.includes(request.id)}
                onChange={() => matrix.toggleRequest(request.id)}
              />{' '}
              {request.label}
              {request.writes && <span className="pill tone-warn rq-mx-writes">{WRITES_DATA}</span>}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Sent as</legend>
          {matrix.columns.map((column) => (
            <label key={column.id} className="rq-mx-pick__item">
              <input
                type="checkbox"
                checked={matrix.isColumnPicked(column.id)}
                onChange={() => matrix.toggleColumn(column.id)}
              />{' '}
              {column.label}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="actions">
        <button type="button" className="button" disabled={matrix.running} onClick={matrix.start}>
          Run the matrix
        </button>
        {matrix.running && (
          <button type="button" className="button button--danger" onClick={matrix.cancel}>
            Cancel the matrix
          </button>
        )}
        {run && (
          <span className="small" role="status" data-testid="matrix-summary">
            {summaryOf(run.cells, matrix.running)}
          </span>
        )}
      </div>
      {matrix.question && <WriteConfirm question={matrix.question} onAnswer={matrix.answer} />}
      {run && (
        <section ref={grid} tabIndex={-1} className="rq-mx-result" aria-label="Matrix result">
          <MatrixGrid run={run} open={openCell} onOpen={matrix.setOpenCell} />
          <MatrixLegend />
          <FillExpired matrix={matrix} leewaySeconds={leewayOf(environment.api)} />
        </section>
      )}
      {openCell && (
        <CellDetail
          cell={openCell}
          request={run?.requests.find((r) => r.id === openCell.requestId)?.label ?? ''}
          onShow={onShow}
        />
      )}
      {run && !matrix.running && (
        <>
          <details className="rq-mx-export">
            <summary>Export the grid (Markdown, CSV)</summary>
            <div className="actions">
              <CopyButton label="Copy as Markdown" getText={() => matrixMarkdown(run)} />
              <CopyButton label="Copy as CSV" getText={() => matrixCsv(run)} />
              <MatrixDownloads run={run} />
            </div>
            <CodeBlock label="Matrix as Markdown" testId="matrix-markdown">
              {matrixMarkdown(run)}
            </CodeBlock>
            <CodeBlock label="Matrix as CSV" testId="matrix-csv">
              {matrixCsv(run)}
            </CodeBlock>
          </details>
          <BugReport make={report} of="the matrix" />
        </>
      )}
    </div>
  );
}

const NEXT = {
  finding:
    'Check the API’s authorization rule for this endpoint; if it is meant to be open to this user, correct the preset’s requiredRole in config.json.',
  differs:
    'Check the identity’s realm roles and the API’s rule for this endpoint, or correct the preset’s requiredRole in config.json.',
};

/** One cell's explanation: how it compares with the expectation, then the API's answer explained. */
function CellDetail({
  cell,
  request,
  onShow,
}: {
  cell: MatrixCell;
  request: string;
  onShow: (exchange: Exchange) => void;
}) {
  const { exchange, check } = cell;
  if (!exchange) {
    return (
      <p className="small" data-testid="matrix-cell-detail">
        Not sent:{' '}
        {cell.expiresAt !== undefined ? (
          <>
            none of this tab's tokens had expired when it ran; the current one{' '}
            <ExpiresIn exp={cell.expiresAt} />.
          </>
        ) : (
          (cell.reason ?? 'the matrix did not reach it.')
        )}
      </p>
    );
  }
  const flagged = check?.kind === 'finding' || check?.kind === 'differs' ? check.kind : undefined;
  return (
    <div className="rq-mx-detail" data-testid="matrix-cell-detail">
      {flagged && check && (
        <Callout
          explanation={{
            kind: flagged,
            tone: flagged === 'finding' ? 'bad' : 'warn',
            title: `${flagged === 'finding' ? 'Finding' : 'Differs from the expectation'}: ${exchange.tokenLabel ?? 'this token'} got ${shortStatus(exchange.result)} on ${request}`,
            detail: check.text,
            next: NEXT[flagged],
          }}
        />
      )}
      <CurlCallout explanation={inTheMatrix(exchange.verdict)}>
        {check && !flagged && <p className="small">{check.text}</p>}
        <button type="button" className="button button--quiet" onClick={() => onShow(exchange)}>
          Show the full response
        </button>
      </CurlCallout>
    </div>
  );
}

/** The grid as files for a ticket or a spreadsheet, named after the environment's run time. */
function MatrixDownloads({ run }: { run: MatrixRun }) {
  const files = useMemo(() => {
    const stamp = new Date(run.atMs).toISOString().slice(0, 19).replaceAll(':', '-');
    return [
      {
        label: 'Download .csv',
        filename: `matrix-${stamp}.csv`,
        blob: new Blob([matrixCsv(run)], { type: 'text/csv' }),
      },
      {
        label: 'Download .md',
        filename: `matrix-${stamp}.md`,
        blob: new Blob([matrixMarkdown(run)], { type: 'text/markdown' }),
      },
    ];
  }, [run]);
  return files.map((file) => <DownloadLink key={file.label} {...file} />);
}

/** Inside the matrix, an accepted request's next step is not "try the matrix". */
const inTheMatrix = (verdict: Exchange['verdict']): Exchange['verdict'] =>
  verdict.kind === 'ok'
    ? {
        ...verdict,
        next: 'Compare it with the other columns of its row; the full response is one click below.',
      }
    : verdict;
