import { useEffect, useMemo, useRef, useState } from 'react';
import type { EnvironmentConfig } from '../../config/types.ts';
import { send } from '../../shared/bearer/send.ts';
import { useServerTime } from '../../shared/serverTime.tsx';
import type { Identity } from '../../shared/token/identity.ts';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import type { RequestDraft } from '../editor/draft.ts';
import { knownTokensOf, sendOne } from '../flow/sendPipeline.ts';
import type { HistoryEntry } from '../history/history.ts';
import type { OtherEnvironment } from '../outgoing/target.ts';
import type { MatrixTable } from './matrixExport.ts';
import { matrixColumns, matrixRequests, planCells } from './matrixPlan.ts';
import { type MatrixCell, runMatrixCells } from './matrixRun.ts';

export interface MatrixInput {
  environment: EnvironmentConfig;
  tokens: SessionTokens;
  identities: readonly Identity[];
  draft: RequestDraft;
  history: readonly HistoryEntry[];
  /** config.json's other environments: their APIs never get this environment's tokens. */
  otherEnvironments?: readonly OtherEnvironment[];
  confirmedOrigins: readonly string[];
  fetch?: typeof fetch | undefined;
  timeoutMs: number;
  /** A run clears the single answer on screen: every result shown belongs to what was last asked. */
  onStart: () => void;
}

/** A finished or running grid: what was asked, when, and the cells as they fill in. */
export interface MatrixRun extends MatrixTable {
  atMs: number;
}

const toggle = (list: readonly string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

/**
 * The matrix's state: what is picked (presets and every column by default), the run under way with
 * its AbortController, and the cell whose explanation is open. Sends are not added to history:
 * the grid is their record. Everything is memory only and aborted when the pane goes away.
 */
export function useMatrix(input: MatrixInput) {
  const time = useServerTime();
  const { environment, tokens, identities, draft, history } = input;
  const columns = useMemo(() => matrixColumns(tokens, identities), [tokens, identities]);
  const requests = useMemo(() => matrixRequests(environment, draft, history), [environment, draft, history]);
  const [pickedRequests, setPickedRequests] = useState<string[]>(() =>
    environment.presets.map((p) => `preset:${p.name}`),
  );
  const [unpickedColumns, setUnpickedColumns] = useState<string[]>([]);
  const [run, setRun] = useState<MatrixRun | null>(null);
  const [running, setRunning] = useState(false);
  const [openCell, setOpenCell] = useState<MatrixCell | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /** Runs the picked requests, or only the draft ("Run the unauthorized matrix" beside Send). */
  const start = async (only?: 'draft') => {
    const chosenRequests = requests.filter((r) => (only ? r.id === only : pickedRequests.includes(r.id)));
    const chosenColumns = columns.filter((c) => !unpickedColumns.includes(c.id));
    const plans = planCells(chosenRequests, chosenColumns, {
      environment,
      ...(input.otherEnvironments ? { otherEnvironments: input.otherEnvironments } : {}),
      confirmedOrigins: input.confirmedOrigins,
      serverNow: time.serverNow(),
    });
    const abort = new AbortController();
    controller.current?.abort();
    controller.current = abort;
    const atMs = time.now();
    setOpenCell(null);
    setRunning(true);
    input.onStart();
    const context = {
      environment,
      portalOrigin: globalThis.location?.origin ?? '',
      now: time.now,
      skewMs: time.clock.skewMs,
      send: (request: Parameters<typeof send>[0]) =>
        send(request, {
          signal: abort.signal,
          timeoutMs: input.timeoutMs,
          ...(input.fetch ? { fetch: input.fetch } : {}),
        }),
      record: () => {},
      // Every token of the grid, masked if an API echoes it.
      sessionTokens: [
        ...knownTokensOf(tokens),
        ...identities.flatMap((identity) => knownTokensOf(identity.tokens, identity.label)),
      ],
    };
    try {
      await runMatrixCells(plans, {
        environment,
        signal: abort.signal,
        serverSecondsAt: (localMs) => (localMs + time.clock.skewMs) / 1000,
        send: async (plan) => ({
          ...(await sendOne(plan.draft, plan.prepared, context)),
          tokenLabel: plan.column.label,
        }),
        onChange: (cells) => setRun({ requests: chosenRequests, columns: chosenColumns, cells, atMs }),
      });
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setRunning(false);
      }
    }
  };

  return {
    requests,
    columns,
    pickedRequests,
    toggleRequest: (id: string) => setPickedRequests((list) => toggle(list, id)),
    isColumnPicked: (id: string) => !unpickedColumns.includes(id),
    toggleColumn: (id: string) => setUnpickedColumns((list) => toggle(list, id)),
    run,
    running,
    start: () => void start(),
    startDraft: () => void start('draft'),
    cancel: () => controller.current?.abort(),
    openCell,
    setOpenCell,
  };
}
