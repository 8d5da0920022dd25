export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body?: string;
}

export type SendResult =
  | {
      kind: 'response';
      status: number;
      statusText: string;
      /** Only what CORS lets the page read (`Access-Control-Expose-Headers` plus the safelisted ones). */
      headers: Array<[string, string]>;
      body: Blob;
      durationMs: number;
    }
  /** `redirect: 'manual'`: the browser hides the target; the token was not sent on to it. */
  | { kind: 'redirect'; durationMs: number }
  | { kind: 'network-error'; message: string; durationMs: number }
  | { kind: 'timeout'; timeoutMs: number; durationMs: number }
  | { kind: 'cancelled'; durationMs: number };

/** A header of a response, by name (names compare case-insensitively, RFC 9110 §5.1). */
export const headerOf = (headers: ReadonlyArray<[string, string]>, name: string) =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

export interface SendOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
  now?: () => number;
}

const TIMEOUT = Symbol('timeout');

/**
 * Sends one request and turns every outcome into a value: an HTTP 401 is a result to show, a
 * failed fetch is "no response" (never a fake status), and redirects are not followed so the
 * bearer cannot travel to wherever the API points.
 */
export async function send(request: OutgoingRequest, options: SendOptions = {}): Promise<SendResult> {
  const { fetch: fetchImpl = globalThis.fetch.bind(globalThis), signal, timeoutMs = 30_000 } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => Math.round(now() - started);

  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort(signal.reason);
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);

  try {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && !['GET', 'HEAD'].includes(request.method)
        ? { body: request.body }
        : {}),
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (response.type === 'opaqueredirect') return { kind: 'redirect', durationMs: elapsed() };
    const body = await response.blob();
    return {
      kind: 'response',
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      body,
      durationMs: elapsed(),
    };
  } catch (cause) {
    if (controller.signal.aborted) {
      return controller.signal.reason === TIMEOUT
        ? { kind: 'timeout', timeoutMs, durationMs: elapsed() }
        : { kind: 'cancelled', durationMs: elapsed() };
    }
    return {
      kind: 'network-error',
      message: cause instanceof Error ? cause.message : String(cause),
      durationMs: elapsed(),
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
