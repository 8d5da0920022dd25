import type { IncomingMessage } from 'node:http';

const maxFormBytes = 16 * 1024;

/** A small application/x-www-form-urlencoded request body (a login or revocation form). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > maxFormBytes) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}
