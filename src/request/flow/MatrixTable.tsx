import type { Tone } from '../../shared/explanation.ts';
import { choiceLabel } from '../editor/draft.ts';
import { shortStatus } from '../history/history.ts';
import type { Exchange, MatrixRow } from './sendPipeline.ts';

interface MatrixTableProps {
  rows: MatrixRow[];
  onShow: (exchange: Exchange) => void;
}

const statusOf = (row: MatrixRow) => {
  if (row.state === 'waiting') return '…';
  if (row.state === 'sending') return 'sending…';
  return row.exchange ? String(shortStatus(row.exchange.result)) : 'not sent';
};

/** A refusal asked for on purpose (info) is still a refusal: red like the others. */
const STATUS_COLOUR: Record<Tone, string> = {
  ok: 'text-ok',
  info: 'text-bad',
  warn: 'text-warn',
  bad: 'text-bad',
};

/** The unauthorized matrix: the same request with each token, and what the API made of it. */
export function MatrixTable({ rows, onShow }: MatrixTableProps) {
  return (
    <table className="table" aria-label="Unauthorized matrix">
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
        {rows.map((row) => {
          const { choice, exchange } = row;
          return (
            <tr key={choice} data-choice={choice}>
              <th scope="row">{choiceLabel(choice)}</th>
              <td
                className={`rq-matrix__status ${exchange ? STATUS_COLOUR[exchange.verdict.tone] : 'muted'}`}
              >
                {statusOf(row)}
              </td>
              <td>{exchange ? exchange.verdict.title : (row.reason ?? '')}</td>
              <td>
                {exchange && (
                  <button
                    type="button"
                    className="button button--quiet small"
                    onClick={() => onShow(exchange)}
                  >
                    Details
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
