import { WRITES_DATA } from '../../config/methods.ts';
import { ExpiresIn } from './ExpiresIn.tsx';
import { cellOf, cellStatus } from './matrixExport.ts';
import type { MatrixCell } from './matrixRun.ts';
import type { MatrixRun } from './useMatrix.ts';

interface MatrixGridProps {
  run: MatrixRun;
  open: MatrixCell | null;
  onOpen: (cell: MatrixCell | null) => void;
}

const MARK: Record<string, string> = { finding: '⚠ finding', differs: '≠ expected' };

const accepted = (cell: MatrixCell) =>
  cell.exchange?.result.kind === 'response' && cell.exchange.result.status < 300;

/** A cell's look: what the answer was (accepted, refused) when expected; flagged when not. */
const toneOf = (cell: MatrixCell | undefined) => {
  const kind = cell?.check?.kind;
  if (kind === 'finding' || kind === 'differs') return `rq-mx-cell--${kind}`;
  if (!cell?.exchange || kind !== 'match') return 'rq-mx-cell--none';
  return accepted(cell) ? 'rq-mx-cell--accepted' : 'rq-mx-cell--refused';
};

const markOf = (cell: MatrixCell | undefined) => {
  if (!cell?.check) return undefined;
  if (cell.check.kind !== 'match') return MARK[cell.check.kind];
  return accepted(cell) ? '✓ accepted' : '✓ refused';
};

/** What the colours and marks of the grid say, under it. */
export function MatrixLegend() {
  return (
    <ul className="rq-mx-legend small" aria-label="What the cells mean">
      <li>
        <span className="rq-mx-swatch rq-mx-cell--accepted" /> ✓ accepted, as expected
      </li>
      <li>
        <span className="rq-mx-swatch rq-mx-cell--refused" /> ✓ refused (401, 403), as expected
      </li>
      <li>
        <span className="rq-mx-swatch rq-mx-cell--finding" /> ⚠ finding: accepted where it should be refused
      </li>
      <li>
        <span className="rq-mx-swatch rq-mx-cell--differs" /> ≠ another answer than expected
      </li>
      <li>
        <span className="rq-mx-swatch rq-mx-cell--none" /> not sent, or no expectation
      </li>
    </ul>
  );
}

/**
 * The grid: a row per request, a column per identity, each cell the API's status as a button that
 * opens its explanation. Cells that differ from the expectation are marked in words and colour.
 * The table scrolls inside its own focusable box, never the page.
 */
export function MatrixGrid({ run, open, onOpen }: MatrixGridProps) {
  return (
    <section className="rq-mx-scroll" aria-label="Authorization matrix grid">
      <table className="table rq-mx-grid" aria-label="Authorization matrix">
        <thead>
          <tr>
            <th scope="col">Request</th>
            {run.columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {run.requests.map((request) => (
            <tr key={request.id} data-request={request.id}>
              <th scope="row">
                {request.label}
                {request.writes && <span className="pill tone-warn rq-mx-writes">{WRITES_DATA}</span>}
                <span className="rq-mx-grid__url">
                  {request.draft.method} {request.draft.url}
                </span>
              </th>
              {run.columns.map((column) => {
                const cell = cellOf(run, request.id, column.id);
                const status = cellStatus(cell);
                const mark = markOf(cell);
                const isOpen = open !== null && cell === open;
                return (
                  <td key={column.id} data-column={column.id}>
                    {cell && (cell.state === 'done' || cell.state === 'not-sent') ? (
                      <button
                        type="button"
                        className={`rq-mx-cell ${toneOf(cell)}`}
                        aria-pressed={isOpen}
                        aria-label={`${column.label}, ${request.label}: ${status}${mark ? `, ${mark}` : ''}. Explain`}
                        onClick={() => onOpen(isOpen ? null : cell)}
                      >
                        <span className="rq-mx-cell__status">{status}</span>
                        {mark && <span className="rq-mx-cell__mark">{mark}</span>}
                        {cell.expiresAt !== undefined && <ExpiresIn exp={cell.expiresAt} prefix="token " />}
                      </button>
                    ) : (
                      <span className="rq-mx-cell rq-mx-cell--none">{status}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
