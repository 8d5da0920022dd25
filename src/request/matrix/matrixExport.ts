import { redactUrl, shortStatus } from '../history/history.ts';
import { scrubTokens } from '../report/bugReport.ts';
import type { MatrixColumn, MatrixRequest } from './matrixPlan.ts';
import type { MatrixCell } from './matrixRun.ts';

/** What a grid export needs: labels, requests and cells; never a token (only their `raw` to scrub). */
export interface MatrixTable {
  requests: ReadonlyArray<Pick<MatrixRequest, 'id' | 'label' | 'draft' | 'writes'>>;
  columns: ReadonlyArray<Pick<MatrixColumn, 'id' | 'label'>>;
  cells: readonly MatrixCell[];
}

/** A cell's answer in a word: the status, or what happened instead. */
export function cellStatus(cell: MatrixCell | undefined): string {
  if (!cell) return '';
  if (cell.state === 'waiting') return '…';
  if (cell.state === 'sending') return 'sending…';
  if (cell.state === 'not-sent' || !cell.exchange) return 'not sent';
  return String(shortStatus(cell.exchange.result));
}

/** The status with its mark: "200 (finding: expected 403)", "401 (expected 2xx)". */
export function cellText(cell: MatrixCell | undefined): string {
  const status = cellStatus(cell);
  const { check, expected } = cell ?? {};
  if (!check || !expected || (check.kind !== 'finding' && check.kind !== 'differs')) return status;
  const want = expected.kind === 'accepted' ? '2xx' : String(expected.status);
  return `${status} (${check.kind === 'finding' ? 'finding: ' : ''}expected ${want})`;
}

export const cellOf = (table: Pick<MatrixTable, 'cells'>, requestId: string, columnId: string) =>
  table.cells.find((cell) => cell.requestId === requestId && cell.columnId === columnId);

const requestName = (request: MatrixTable['requests'][number]) =>
  `${request.label} — ${request.draft.method} ${redactUrl(request.draft.url)}`;

const secretsOf = (table: MatrixTable) =>
  table.cells.flatMap((cell) => (cell.exchange?.token ? [cell.exchange.token.raw] : []));

const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The grid as a Markdown table: a row per request, a column per identity. */
export function matrixMarkdown(table: MatrixTable): string {
  const head = ['Request', ...table.columns.map((c) => c.label)];
  const rows = table.requests.map((request) => [
    requestName(request),
    ...table.columns.map((column) => cellText(cellOf(table, request.id, column.id))),
  ]);
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  const text = [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
  return scrubTokens(text, secretsOf(table));
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
/** A leading = + - @ makes spreadsheets run a formula: quoted as text instead. */
const safeField = (text: string) => csvField(/^[=+\-@]/.test(text) ? `'${text}` : text);

/** The grid as CSV (RFC 4180, CRLF): the same rows and columns as the Markdown. */
export function matrixCsv(table: MatrixTable): string {
  const head = ['Request', 'Method', 'URL', ...table.columns.map((c) => c.label)];
  const rows = table.requests.map((request) => [
    request.label,
    request.draft.method,
    redactUrl(request.draft.url),
    ...table.columns.map((column) => cellText(cellOf(table, request.id, column.id))),
  ]);
  const text = [head, ...rows].map((row) => row.map(safeField).join(',')).join('\r\n');
  return `${scrubTokens(text, secretsOf(table))}\r\n`;
}
