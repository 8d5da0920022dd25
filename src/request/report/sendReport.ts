import { BODY_LIMIT, bugReport, type ReportInput, type ReportWriter } from './bugReport.ts';
import { fingerprintOf } from './fingerprint.ts';

/**
 * The report of one send, with what takes a moment to get (the body's first KB and the
 * fingerprint), ready to be written with the user's choices (Expected, name and e-mail).
 */
export async function sendReport(
  input: Omit<ReportInput, 'bodyText' | 'fingerprint'>,
): Promise<ReportWriter> {
  const bodyText =
    input.result.kind === 'response'
      ? await input.result.body
          .slice(0, BODY_LIMIT)
          .text()
          .catch(() => '')
      : '';
  const fingerprint = input.token?.raw ? await fingerprintOf(input.token.raw) : undefined;
  const complete = { ...input, bodyText, fingerprint };
  return (choices) => bugReport(complete, choices);
}
