import type { EnvironmentConfig } from '../../config/types.ts';
import type { Exchange } from '../flow/sendPipeline.ts';
import { type Check, checkOutcome, type Expected, expectedOutcome } from './expectation.ts';
import { type CellPlan, type SendablePlan, sendable } from './matrixPlan.ts';
import { runPool } from './runPool.ts';

/** One cell of the grid as it fills in. */
export interface MatrixCell {
  requestId: string;
  columnId: string;
  state: 'waiting' | 'sending' | 'done' | 'not-sent';
  reason?: string;
  /** Not sent because no token of the tab had expired: when the current one does (server seconds). */
  expiresAt?: number | undefined;
  exchange?: Exchange;
  expected?: Expected;
  check?: Check;
}

export const MATRIX_CONCURRENCY = 4;

export interface RunOptions {
  environment: Pick<EnvironmentConfig, 'presets'>;
  send: (plan: SendablePlan) => Promise<Exchange>;
  /** Server time (seconds) at a local time (ms): to judge whether a token had expired when it left. */
  serverSecondsAt: (localMs: number) => number;
  signal?: AbortSignal;
  limit?: number;
  onChange: (cells: MatrixCell[]) => void;
}

/**
 * Sends every planned cell, at most `limit` at once; cells that cannot leave say why, and once the
 * signal aborts the cells not yet sent say so. Each answer is compared with what the preset's
 * `requiredRole` and the token make expected.
 */
export async function runMatrixCells(plans: readonly CellPlan[], options: RunOptions): Promise<MatrixCell[]> {
  let cells: MatrixCell[] = plans.map((plan) => ({
    requestId: plan.request.id,
    columnId: plan.column.id,
    ...(plan.prepared.ok
      ? { state: 'waiting' }
      : { state: 'not-sent', reason: plan.prepared.reason, expiresAt: plan.prepared.expiresAt }),
  }));
  const update = (index: number, patch: Partial<MatrixCell>) => {
    cells = cells.map((cell, i) => (i === index ? { ...cell, ...patch } : cell));
    options.onChange(cells);
  };
  options.onChange(cells);
  const todo = plans.flatMap((plan, index) => (sendable(plan) ? [{ plan, index }] : []));
  await runPool(
    todo,
    options.limit ?? MATRIX_CONCURRENCY,
    async ({ plan, index }) => {
      update(index, { state: 'sending' });
      const exchange = await options.send(plan);
      const role = options.environment.presets.find((p) => p.name === plan.draft.presetName)?.requiredRole;
      const expected = expectedOutcome({
        probe: plan.column.probe,
        token: exchange.token,
        requiredRole: role,
        serverNow: options.serverSecondsAt(exchange.sentAtMs),
      });
      update(index, { state: 'done', exchange, expected, check: checkOutcome(expected, exchange.result) });
    },
    {
      signal: options.signal,
      onSkip: ({ index }) => update(index, { state: 'not-sent', reason: 'Cancelled before it was sent.' }),
    },
  );
  return cells;
}
