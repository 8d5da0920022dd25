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
      /**
       * The body was not read to its end: it went past the size cap, or kept coming until the
       * timeout. `body` holds what was read; the status and headers are the API's all the same.
       */
      cut?: { reason: 'size' | 'time'; bytes: number };
    }
  /** `redirect: 'manual'`: the browser hides the target; the token was not sent on to it. */
  | { kind: 'redirect'; durationMs: number }
  | { kind: 'network-error'; message: string; durationMs: number }
  /** The portal's own Content-Security-Policy (connect-src) stopped the request before it left. */
  | { kind: 'blocked-by-csp'; origin: string; durationMs: number }
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
  /** Bytes of body kept at most (the rest is not read). */
  maxBodyBytes?: number;
  /**
   * Where the browser reports Content-Security-Policy violations (`securitypolicyviolation`): the
   * document by default, none outside a browser.
   */
  violations?: EventTarget | null;
}

/** A CSP violation as the browser reports it (SecurityPolicyViolationEvent's fields we read). */
interface Violation {
  blockedURI?: string;
  effectiveDirective?: string;
}

/**
 * Watches for the browser refusing a fetch to `url`'s origin under connect-src. A blocked fetch
 * fails like any network error; only this event says the page's own policy stopped it.
 */
function watchCsp(target: EventTarget | null, url: string) {
  const origin = URL.parse(url)?.origin;
  let blocked = false;
  const onViolation = (event: Event) => {
    const { blockedURI = '', effectiveDirective = '' } = event as Event & Violation;
    if (effectiveDirective === 'connect-src' && URL.parse(blockedURI)?.origin === origin) blocked = true;
  };
  target?.addEventListener('securitypolicyviolation', onViolation);
  return {
    origin: origin ?? url,
    /** Whether the policy blocked it; the event may come a moment after fetch failed. */
    async blocked() {
      if (!blocked && target) await new Promise((resolve) => setTimeout(resolve, 50));
      return blocked;
    },
    stop: () => target?.removeEventListener('securitypolicyviolation', onViolation),
  };
}

const TIMEOUT = Symbol('timeout');

/**
 * Case 41: what a response body may weigh in the page. More is not read (a 400 MB answer took
 * minutes and half a gigabyte of memory to show), and an endless one stops at the timeout.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The bytes read, as the Blob the response view takes (made by Response, as fetch makes it). */
const toBlob = (chunks: Uint8Array[], bytes: number, type: string) => {
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new Response(all, { headers: { 'Content-Type': type } }).blob();
};

/**
 * Reads a body up to `max` bytes. A body that goes on past the cap is cancelled; one still coming
 * when `signal` aborts for the timeout keeps what arrived. A cancel by the user is thrown.
 */
async function readCapped(
  response: Response,
  max: number,
  signal: AbortSignal,
): Promise<{ body: Blob; cut?: { reason: 'size' | 'time'; bytes: number } }> {
  const type = response.headers.get('content-type') ?? '';
  const reader = response.body?.getReader();
  if (!reader) return { body: await response.blob() };
  const aborted = new Promise<never>((_, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => {});
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) return { body: await toBlob(chunks, bytes, type) };
      const room = max - bytes;
      chunks.push(value.byteLength > room ? value.slice(0, room) : value);
      bytes += Math.min(value.byteLength, room);
      if (value.byteLength > room) {
        void reader.cancel().catch(() => {});
        return { body: await toBlob(chunks, bytes, type), cut: { reason: 'size', bytes } };
      }
    }
  } catch (cause) {
    void reader.cancel().catch(() => {});
    if (signal.reason === TIMEOUT)
      return { body: await toBlob(chunks, bytes, type), cut: { reason: 'time', bytes } };
    throw cause;
  }
}

/**
 * Sends one request and turns every outcome into a value: an HTTP 401 is a result to show, a
 * failed fetch is "no response" (never a fake status), and redirects are not followed so the
 * bearer cannot travel to wherever the API points.
 */
export async function send(request: OutgoingRequest, options: SendOptions = {}): Promise<SendResult> {
  const {
    fetch: fetchImpl = globalThis.fetch.bind(globalThis),
    signal,
    timeoutMs = 30_000,
    maxBodyBytes = MAX_BODY_BYTES,
  } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => Math.round(now() - started);

  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort(signal.reason);
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
  const csp = watchCsp(
    options.violations === undefined ? (globalThis.document ?? null) : options.violations,
    request.url,
  );

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
    const { body, cut } = await readCapped(response, maxBodyBytes, controller.signal);
    return {
      kind: 'response',
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      body,
      durationMs: elapsed(),
      ...(cut ? { cut } : {}),
    };
  } catch (cause) {
    if (controller.signal.aborted) {
      return controller.signal.reason === TIMEOUT
        ? { kind: 'timeout', timeoutMs, durationMs: elapsed() }
        : { kind: 'cancelled', durationMs: elapsed() };
    }
    if (await csp.blocked()) return { kind: 'blocked-by-csp', origin: csp.origin, durationMs: elapsed() };
    return {
      kind: 'network-error',
      message: cause instanceof Error ? cause.message : String(cause),
      durationMs: elapsed(),
    };
  } finally {
    csp.stop();
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
