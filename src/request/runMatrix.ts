import type { TokenChoice } from './chooseToken.ts';
import type { Shown } from './describeSend.ts';
import type { Problem } from './prepareSend.ts';

/** The tokens an endpoint must refuse, after the one it must accept (issue 4, item 5). */
export const MATRIX_CHOICES: readonly TokenChoice[] = ['current', 'none', 'expired', 'tampered', 'id'];

export interface MatrixRow {
  choice: TokenChoice;
  state: 'waiting' | 'sending' | 'done' | 'not-sent';
  reason?: string;
  shown?: Shown;
}

export type SendOutcome = { problem: Problem; shown?: undefined } | { shown: Shown; problem?: undefined };

/**
 * Sends the same request once per token choice, one after the other (so the table fills in order
 * and the API is not hit five times at once). A cancelled send stops the rest.
 */
export async function runMatrix(
  sendOne: (choice: TokenChoice) => Promise<SendOutcome>,
  onChange: (rows: MatrixRow[]) => void,
): Promise<MatrixRow[]> {
  let rows: MatrixRow[] = MATRIX_CHOICES.map((choice) => ({ choice, state: 'waiting' }));
  const update = (i: number, row: MatrixRow) => {
    rows = rows.map((r, j) => (j === i ? row : r));
    onChange(rows);
  };
  onChange(rows);
  let cancelled = false;
  for (const [i, choice] of MATRIX_CHOICES.entries()) {
    if (cancelled) {
      update(i, { choice, state: 'not-sent', reason: 'Cancelled.' });
      continue;
    }
    update(i, { choice, state: 'sending' });
    const outcome = await sendOne(choice);
    if (outcome.problem) update(i, { choice, state: 'not-sent', reason: outcome.problem.message });
    else {
      update(i, { choice, state: 'done', shown: outcome.shown });
      cancelled = outcome.shown.result.kind === 'cancelled';
    }
  }
  return rows;
}
