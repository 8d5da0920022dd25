import { writesData } from '../../config/methods.ts';
import type { EnvironmentConfig } from '../../config/types.ts';
import type { Identity } from '../../shared/token/identity.ts';
import { whoOf } from '../../shared/token/readToken.ts';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import {
  BLANK_DRAFT,
  choiceLabel,
  draftReducer,
  type RequestDraft,
  type TokenChoice,
} from '../editor/draft.ts';
import type { HistoryEntry } from '../history/history.ts';
import { type Prepared, prepareRequest } from '../outgoing/prepareRequest.ts';
import type { OtherEnvironment } from '../outgoing/target.ts';

/** Who a column sends as: a signed-in identity (the tab's own included) or a token that must fail. */
export interface MatrixColumn {
  id: string;
  label: string;
  /** A probe must be refused with 401 whatever the request. */
  probe: boolean;
  choice: TokenChoice;
  tokens: SessionTokens;
}

/** A request of the matrix: a preset, the draft being edited, or a history entry. */
export interface MatrixRequest {
  id: string;
  label: string;
  draft: RequestDraft;
  /** Not a safe method: it may create, change or delete data on the API. */
  writes: boolean;
}

/** The probes, sent with this tab's tokens (the tampered and truly expired ones as the pane makes them). */
const PROBES: readonly TokenChoice[] = ['none', 'tampered', 'expired', 'id'];

/**
 * Every column on offer: this tab's user, each other identity, then the probes. The expired probe
 * may use any expired access token the tab holds: its own earlier ones and the identities'.
 */
export function matrixColumns(tokens: SessionTokens, identities: readonly Identity[]): MatrixColumn[] {
  const own = tokens.access.readable ? whoOf(tokens.access) : 'this tab';
  const everyToken: SessionTokens = {
    ...tokens,
    earlier: [
      ...tokens.earlier,
      ...identities.flatMap((identity) => [identity.tokens.access, ...identity.tokens.earlier]),
    ],
  };
  return [
    { id: 'tab', label: `${own} (this tab)`, probe: false, choice: 'current', tokens },
    ...identities.map((identity) => ({
      id: `identity:${identity.id}`,
      label: identity.label,
      probe: false,
      choice: 'current' as const,
      tokens: identity.tokens,
    })),
    ...PROBES.map((choice) => ({
      id: choice,
      label: choiceLabel(choice),
      probe: true,
      choice,
      tokens: choice === 'expired' ? everyToken : tokens,
    })),
  ];
}

/** A request's address as the grid shows it: the path when it is on the API, else the whole URL. */
const shortUrl = (url: string, baseUrl: string) => {
  try {
    const parsed = new URL(url, baseUrl);
    return parsed.origin === new URL(baseUrl).origin ? `${parsed.pathname}${parsed.search}` : parsed.href;
  } catch {
    return url;
  }
};

/** Every request on offer: the presets, the draft being edited, and this tab's history (newest first). */
export function matrixRequests(
  environment: Pick<EnvironmentConfig, 'presets' | 'api'>,
  draft: RequestDraft,
  history: readonly HistoryEntry[],
): MatrixRequest[] {
  const seen = new Set<string>();
  const history_ = history.filter((entry) => {
    const key = `${entry.method} ${entry.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const where = (method: string, url: string) => `${method} ${shortUrl(url, environment.api.baseUrl)}`;
  return [
    ...environment.presets.map((preset) => ({
      id: `preset:${preset.name}`,
      label: preset.name,
      draft: draftReducer(BLANK_DRAFT, { type: 'preset', preset }),
      writes: writesData(preset.method),
    })),
    {
      id: 'draft',
      label: `Your request in Call the API: ${where(draft.method, draft.url)}`,
      draft: { ...draft, pasted: '' },
      writes: writesData(draft.method),
    },
    ...history_.map((entry) => ({
      id: `history:${entry.id}`,
      label: `Sent earlier: ${where(entry.method, entry.url)}`,
      draft: draftReducer(BLANK_DRAFT, { type: 'load', draft: entry.draft }),
      writes: writesData(entry.method),
    })),
  ];
}

export interface CellPlan {
  request: MatrixRequest;
  column: MatrixColumn;
  draft: RequestDraft;
  /**
   * Ready to send, or why this cell is not sent; `expiresAt` (server seconds) when it waits for a
   * token of this tab to expire (the Expired column before any has).
   */
  prepared: Extract<Prepared, { ok: true }> | { ok: false; reason: string; expiresAt?: number | undefined };
}

/**
 * Each pair prepared by the request pane's own prepareRequest (so the bearer goes only where the
 * pane would send it). A cell that would need a question first (an origin to confirm, a change in
 * production) is not sent by the matrix: the reason says to send it alone first.
 */
export function planCells(
  requests: readonly MatrixRequest[],
  columns: readonly MatrixColumn[],
  context: {
    environment: Pick<EnvironmentConfig, 'api' | 'production' | 'presets' | 'label'>;
    /** The environment the user confirmed this run may write on (never production). */
    writesOn?: string | undefined;
    /** config.json's other environments: their APIs never get this environment's tokens (case 34). */
    otherEnvironments?: readonly OtherEnvironment[];
    confirmedOrigins: readonly string[];
    serverNow: number;
  },
): CellPlan[] {
  return requests.flatMap((request) =>
    columns.map((column) => {
      const draft = { ...request.draft, tokenChoice: column.choice, pasted: '' };
      const prepared = prepareRequest(draft, {
        ...context,
        tokens: column.tokens,
        skipRoleCheck: true,
      });
      if (!prepared.ok) {
        const expiresAt = column.choice === 'expired' ? column.tokens.access.exp : undefined;
        return { request, column, draft, prepared: { ok: false, reason: prepared.problem.title, expiresAt } };
      }
      const [ask] = prepared.asks;
      if (ask) {
        if (ask.kind === 'writes' && !ask.production && context.writesOn === ask.environment)
          return { request, column, draft, prepared };
        const reason =
          ask.kind === 'writes'
            ? ask.production
              ? `${ask.message} The matrix never sends changes to production: send it alone, with confirmation.`
              : `${ask.message} The run was not confirmed for writing on ${ask.environment}.`
            : `${ask.message} The matrix does not ask: send this request alone first.`;
        return { request, column, draft, prepared: { ok: false, reason } };
      }
      return { request, column, draft, prepared };
    }),
  );
}

/** A cell that can leave. */
export type SendablePlan = CellPlan & { prepared: Extract<Prepared, { ok: true }> };
export const sendable = (plan: CellPlan): plan is SendablePlan => plan.prepared.ok;
