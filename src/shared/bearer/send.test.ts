import { afterEach, describe, expect, it, vi } from 'vitest';
import { send } from './send.ts';

const request = {
  method: 'POST',
  url: 'https://api.example.org/x',
  headers: [['A', 'b']] as Array<[string, string]>,
  body: '{}',
};

/** A fetch that never answers, and rejects as browsers do once aborted. */
const hangingFetch = () =>
  vi.fn(
    (_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('send', () => {
  it('returns an HTTP 401 as a response, with the readable headers and the body', async () => {
    const fetch = vi.fn(
      async () => new Response('{"a":1}', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }),
    );
    const result = await send(request, { fetch });
    expect(result).toMatchObject({ kind: 'response', status: 401 });
    expect(result.kind === 'response' && result.headers).toContainEqual(['www-authenticate', 'Bearer']);
    expect(fetch).toHaveBeenCalledWith(
      request.url,
      expect.objectContaining({ method: 'POST', body: '{}', redirect: 'manual', credentials: 'omit' }),
    );
  });

  it('sends no body with GET or HEAD', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    await send({ ...request, method: 'GET' }, { fetch });
    expect(fetch.mock.calls[0]).not.toHaveProperty([1, 'body']);
  });

  it('reports a redirect instead of following it with the token', async () => {
    const fetch = vi.fn(async () => ({ type: 'opaqueredirect' }) as Response);
    expect(await send(request, { fetch })).toMatchObject({ kind: 'redirect' });
  });

  it('reports a failed fetch as a network error, not a status', async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await send(request, { fetch })).toMatchObject({
      kind: 'network-error',
      message: 'Failed to fetch',
    });
  });

  it('reports a timeout after 30 s by default', async () => {
    vi.useFakeTimers();
    const pending = send(request, { fetch: hangingFetch(), now: () => Date.now() });
    await vi.advanceTimersByTimeAsync(29_999);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ kind: 'timeout', timeoutMs: 30_000, durationMs: 30_000 });
  });

  it('reports a cancel as cancelled', async () => {
    const controller = new AbortController();
    const pending = send(request, { fetch: hangingFetch(), signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'cancelled' });
  });

  /** A body that never ends, in chunks of `size` bytes, each a little later (a streaming API gone wrong). */
  const endless = (size: number, delayMs = 0) =>
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        controller.enqueue(new Uint8Array(size).fill(120));
      },
    });

  it('case 41: keeps a body at most maxBodyBytes, and it is still the 200 it was', async () => {
    const fetch = vi.fn(
      async () => new Response(endless(1000), { status: 200, headers: { 'Content-Type': 'text/plain' } }),
    );
    const result = await send(request, { fetch, maxBodyBytes: 4500 });
    expect(result).toMatchObject({ kind: 'response', status: 200, cut: { reason: 'size', bytes: 4500 } });
    expect(result.kind === 'response' && result.body.size).toBe(4500);
  });

  it('case 41: an endless body stops at the timeout and shows what came, not "no answer"', async () => {
    const fetch = vi.fn(
      async () => new Response(endless(10, 5), { status: 200, headers: { 'Content-Type': 'text/plain' } }),
    );
    const result = await send(request, { fetch, timeoutMs: 100 });
    expect(result).toMatchObject({ kind: 'response', status: 200, cut: { reason: 'time' } });
    expect(result.kind === 'response' && result.body.size).toBeGreaterThan(0);
  });

  it('reads a body of a usual size whole, with no cut', async () => {
    const fetch = vi.fn(async () => new Response('{"a":1}', { status: 200 }));
    const result = await send(request, { fetch });
    expect(result).not.toHaveProperty('cut');
    expect(result.kind === 'response' && (await result.body.text())).toBe('{"a":1}');
  });

  describe('a request the page’s own Content-Security-Policy blocks', () => {
    const violation = (blockedURI: string, effectiveDirective = 'connect-src') =>
      Object.assign(new Event('securitypolicyviolation'), { blockedURI, effectiveDirective });
    /** Fails as a browser does after reporting the violation (or another one) on `target`. */
    const blockedFetch = (target: EventTarget, event: Event | null) =>
      vi.fn(async () => {
        if (event) target.dispatchEvent(event);
        throw new TypeError('Failed to fetch');
      });

    it('is reported as blocked by the CSP, with the origin, not as "no response"', async () => {
      const target = new EventTarget();
      const fetch = blockedFetch(target, violation('https://api.example.org/x'));
      const result = await send(request, { fetch, violations: target });
      expect(result).toMatchObject({ kind: 'blocked-by-csp', origin: 'https://api.example.org' });
    });

    it('counts a violation that the browser reports just after the fetch failed', async () => {
      const target = new EventTarget();
      const fetch = vi.fn(async () => {
        setTimeout(() => target.dispatchEvent(violation('https://api.example.org/x')), 0);
        throw new TypeError('Failed to fetch');
      });
      expect((await send(request, { fetch, violations: target })).kind).toBe('blocked-by-csp');
    });

    it.each([
      ['another origin', violation('https://elsewhere.example/x')],
      ['another directive', violation('https://api.example.org/x', 'img-src')],
      ['no violation', null],
    ])('stays a network error for %s', async (_name, event) => {
      const target = new EventTarget();
      const result = await send(request, { fetch: blockedFetch(target, event), violations: target });
      expect(result.kind).toBe('network-error');
    });
  });
});
