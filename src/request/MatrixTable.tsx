import { choiceLabel } from './chooseToken.ts';
import type { Shown } from './describeSend.ts';
import type { MatrixRow } from './runMatrix.ts';

interface MatrixTableProps {
  rows: MatrixRow[];
  onShow: (shown: Shown) => void;
}

const statusOf = (row: MatrixRow) => {
  if (row.state === 'waiting') return '…';
  if (row.state === 'sending') return 'sending…';
  if (row.state === 'not-sent' || !row.shown) return 'not sent';
  const { result } = row.shown;
  return result.kind === 'response'
    ? String(result.status)
    : result.kind === 'network-error'
      ? 'no response'
      : result.kind;
};

/** The unauthorized matrix: the same request with each token, and what the API made of it. */
export function MatrixTable({ rows, onShow }: MatrixTableProps) {
  return (
    <table className="rq-matrix" aria-label="Unauthorized matrix">
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Status</th>
          <th scope="col">Verdict</th>
          <th scope="col">
            <span className="sr-only">Details</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.choice}
            data-choice={row.choice}
            className={`rq-matrix__row--${row.shown?.verdict.severity ?? 'none'}`}
          >
            <th scope="row">{choiceLabel(row.choice)}</th>
            <td className="rq-matrix__status">{statusOf(row)}</td>
            <td>{row.shown ? row.shown.verdict.title : (row.reason ?? '')}</td>
            <td>
              {row.shown && (
                <button
                  type="button"
                  className="button button--quiet small"
                  onClick={() => row.shown && onShow(row.shown)}
                >
                  Details
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
