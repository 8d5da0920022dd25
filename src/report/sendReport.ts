import { BODY_LIMIT, bugReport, type ReportInput } from './bugReport.ts';
import { fingerprintOf } from './fingerprint.ts';

/** The report of one send, with what takes a moment to get: the body's first KB and the fingerprint. */
export async function sendReport(input: Omit<ReportInput, 'bodyText' | 'fingerprint'>): Promise<string> {
  const bodyText =
    input.result.kind === 'response'
      ? await input.result.body
          .slice(0, BODY_LIMIT)
          .text()
          .catch(() => '')
      : '';
  const fingerprint = input.token?.raw ? await fingerprintOf(input.token.raw) : undefined;
  return bugReport({ ...input, bodyText, fingerprint });
}
