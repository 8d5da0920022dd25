import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { writesData } from '../../config/methods.ts';
import type { EnvironmentConfig } from '../../config/types.ts';
import { isLocalApi } from '../../config/urls.ts';
import { send } from '../../shared/bearer/send.ts';
import { useServerTime } from '../../shared/serverTime.tsx';
import type { Identity } from '../../shared/token/identity.ts';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import { runAfter } from '../../shared/useNow.ts';
import type { RequestDraft } from '../editor/draft.ts';
import { knownTokensOf, sendContextOf, sendOne } from '../flow/sendPipeline.ts';
import type { HistoryEntry } from '../history/history.ts';
import type { OtherEnvironment } from '../outgoing/target.ts';
import type { MatrixTable } from './matrixExport.ts';
import { type CellPlan, type MatrixRequest, matrixColumns, matrixRequests, planCells } from './matrixPlan.ts';
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
  /** The environment the user allowed this run to write on. */
  writesOn?: string | undefined;
}

const toggle = (list: readonly string[], id: string) =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

/** A run that would write on a shared environment, held until the user says how. */
export interface WriteQuestion {
  environment: string;
  requests: readonly MatrixRequest[];
  /** How many requests would write: each writing request once per column picked. */
  sends: number;
  only?: 'draft' | undefined;
}

interface StartOptions {
  only?: 'draft' | undefined;
  /** The environment the user confirmed writing on. */
  writesOn?: string | undefined;
  /** Leave the requests that write out of this run. */
  withoutWrites?: boolean;
}

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
  // Only what reads, by default: a run must never create or change data unless someone chose so.
  const [pickedRequests, setPickedRequests] = useState<string[]>(() =>
    environment.presets.filter((p) => !writesData(p.method)).map((p) => `preset:${p.name}`),
  );
  const [question, setQuestion] = useState<WriteQuestion | null>(null);
  const [fillAt, setFillAt] = useState<number | null>(null);
  const [unpickedColumns, setUnpickedColumns] = useState<string[]>([]);
  const [run, setRun] = useState<MatrixRun | null>(null);
  const [running, setRunning] = useState(false);
  const [openCell, setOpenCell] = useState<MatrixCell | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /**
   * Runs the picked requests, or only the draft ("Run the unauthorized matrix" beside Send). A run
   * with requests that write, on an environment whose data is shared, first asks (`question`).
   */
  const start = async ({ only, writesOn, withoutWrites = false }: StartOptions = {}) => {
    setQuestion(null);
    const chosenRequests = requests.filter(
      (r) => (only ? r.id === only : pickedRequests.includes(r.id)) && !(withoutWrites && r.writes),
    );
    const chosenColumns = columns.filter((c) => !unpickedColumns.includes(c.id));
    const writing = chosenRequests.filter((r) => r.writes);
    if (writing.length > 0 && !writesOn && !environment.production && !isLocalApi(environment)) {
      setQuestion({
        environment: environment.label,
        requests: writing,
        sends: writing.length * chosenColumns.length,
        only,
      });
      return;
    }
    setFillAt(null);
    const plans = planCells(chosenRequests, chosenColumns, {
      environment,
      ...(input.otherEnvironments ? { otherEnvironments: input.otherEnvironments } : {}),
      confirmedOrigins: input.confirmedOrigins,
      serverNow: time.serverNow(),
      writesOn,
    });
    const atMs = time.now();
    setOpenCell(null);
    input.onStart();
    await sendCells(plans, (cells) =>
      setRun({ requests: chosenRequests, columns: chosenColumns, cells, atMs, writesOn }),
    );
  };

  /** Sends planned cells (four at a time), cancelling a run still under way. */
  const sendCells = async (plans: CellPlan[], onChange: (cells: MatrixCell[]) => void) => {
    const abort = new AbortController();
    controller.current?.abort();
    controller.current = abort;
    setRunning(true);
    const context = sendContextOf(environment, time, {
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
    });
    try {
      await runMatrixCells(plans, {
        environment,
        signal: abort.signal,
        serverSecondsAt: (localMs) => (localMs + time.clock.skewMs) / 1000,
        send: async (plan) => ({
          ...(await sendOne(plan.draft, plan.prepared, context)),
          tokenLabel: plan.column.label,
        }),
        onChange,
      });
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setRunning(false);
      }
    }
  };

  /** The Expired column's cells that waited for a token to expire, sent now that one has. */
  const fillExpired = useEffectEvent(async () => {
    setFillAt(null);
    if (!run) return;
    const waiting = new Set(run.cells.filter((c) => c.expiresAt !== undefined).map((c) => c.requestId));
    const column = columns.find((c) => c.id === 'expired');
    if (!column || waiting.size === 0) return;
    const plans = planCells(
      run.requests.filter((r) => waiting.has(r.id)),
      [column],
      {
        environment,
        ...(input.otherEnvironments ? { otherEnvironments: input.otherEnvironments } : {}),
        confirmedOrigins: input.confirmedOrigins,
        serverNow: time.serverNow(),
        writesOn: run.writesOn,
      },
    );
    await sendCells(plans, (cells) =>
      setRun((current) =>
        current
          ? {
              ...current,
              cells: current.cells.map(
                (cell) =>
                  cells.find((c) => c.requestId === cell.requestId && c.columnId === cell.columnId) ?? cell,
              ),
            }
          : current,
      ),
    );
  });
  useEffect(() => (fillAt === null ? undefined : runAfter(fillAt - time.now(), fillExpired)), [fillAt, time]);

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
    startDraft: () => void start({ only: 'draft' }),
    /** The question a writing run asks, and its answers. */
    question,
    answer: (answer: 'write' | 'without' | 'cancel') => {
      if (!question || answer === 'cancel') return setQuestion(null);
      void start(
        answer === 'write'
          ? { only: question.only, writesOn: question.environment }
          : { only: question.only, withoutWrites: true },
      );
    },
    /** Arms the fill-in of the Expired column for a local time (ms), or disarms it (null). */
    fillAt,
    armFill: setFillAt,
    cancel: () => controller.current?.abort(),
    openCell,
    setOpenCell,
  };
}
