import { type ReportInput, reportHeader, scrubTokens } from '../report/bugReport.ts';
import { cellOf, cellText, type MatrixTable, matrixMarkdown } from './matrixExport.ts';

interface MatrixReportInput {
  environment: ReportInput['environment'];
  atMs: number;
  skew: { skewMs: number; skewMeasured: boolean };
  table: MatrixTable;
}

/**
 * The bug report of a matrix run, for a ticket: environment and time, the grid, then each cell
 * that differs from the expectation with the API's answer explained. Identities are named, never
 * their tokens; the same last scrub as a send's report runs over all of it.
 */
export function matrixReport({ environment, atMs, skew, table }: MatrixReportInput): string {
  const flagged = table.requests.flatMap((request) =>
    table.columns.flatMap((column) => {
      const cell = cellOf(table, request.id, column.id);
      const kind = cell?.check?.kind;
      if (!cell || (kind !== 'finding' && kind !== 'differs')) return [];
      const verdict = cell.exchange?.verdict;
      return [
        `#### ${kind === 'finding' ? 'Finding' : 'Differs'}: ${column.label} → ${request.draft.method} ${request.label}: ${cellText(cell)}`,
        cell.check?.text ?? '',
        ...(verdict
          ? [`API answer: **${verdict.title}**`, verdict.detail ?? '', `Next: ${verdict.next}`]
          : []),
        '',
      ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
    }),
  );
  const text = [
    '## Authorization matrix',
    '',
    reportHeader(environment, atMs, skew),
    '',
    '### Grid (rows: requests, columns: who sent them)',
    matrixMarkdown(table),
    '',
    'A cell marked “finding” got access it should not have (its token lacks the request’s required role, or is not a valid access token); “expected …” marks any other answer that differs from the expectation.',
    '',
    '### Cells that differ from the expectation',
    ...(flagged.length > 0 ? flagged : ['None: every answer matched the expectation.']),
    '',
  ].join('\n');
  const secrets = table.cells.flatMap((cell) => (cell.exchange?.token ? [cell.exchange.token.raw] : []));
  return scrubTokens(text, secrets);
}
