import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** One request/response of the demo API, with the headers every response carries already decided. */
export interface ApiExchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters of the matched route, e.g. { id }. */
  params: Record<string, string>;
  /** Headers every response gets: CORS (unless the route opts out) and X-Request-Id. */
  headers: OutgoingHttpHeaders;
  /** Sends a JSON body (or none, for 204/undefined) with the common headers. */
  json(status: number, body?: unknown, extraHeaders?: OutgoingHttpHeaders): void;
  /** Sends raw bytes with the given content type and the common headers. */
  raw(status: number, contentType: string, body: string | Buffer): void;
  /** Reads and parses a JSON request body of at most 1 MB. */
  readJson(): Promise<{ ok: true; value: unknown } | { ok: false; message: string }>;
}

const maxBodyBytes = 1024 * 1024;

export function apiExchange(
  req: IncomingMessage,
  res: ServerResponse,
  commonHeaders: OutgoingHttpHeaders,
): ApiExchange {
  const headers: OutgoingHttpHeaders = { ...commonHeaders, 'X-Request-Id': randomUUID() };
  const send = (status: number, extra: OutgoingHttpHeaders, body?: string | Buffer) => {
    res.writeHead(status, {
      ...headers,
      'Cache-Control': 'no-store',
      ...(body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body) }),
      ...extra,
    });
    res.end(body);
  };
  return {
    req,
    res,
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    params: {},
    headers,
    json(status, body, extraHeaders = {}) {
      if (body === undefined) {
        send(status, extraHeaders);
        return;
      }
      send(
        status,
        { 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders },
        JSON.stringify(body),
      );
    },
    raw(status, contentType, body) {
      send(status, { 'Content-Type': contentType }, body);
    },
    async readJson() {
      const type = req.headers['content-type'] ?? '';
      if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
        return { ok: false, message: 'Send the body as JSON with Content-Type: application/json.' };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += buffer.length;
        if (size > maxBodyBytes) return { ok: false, message: 'The JSON body is larger than 1 MB.' };
        chunks.push(buffer);
      }
      try {
        return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      } catch (error) {
        return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
      }
    },
  };
}
