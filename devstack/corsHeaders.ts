export interface CorsRequest {
  /** The request's Origin header, if any. */
  origin: string | undefined;
  /** True for a CORS preflight (OPTIONS with Access-Control-Request-Method). */
  preflight: boolean;
  /** The preflight's Access-Control-Request-Headers, if any. */
  requestedHeaders?: string | undefined;
}

const allowMethods = 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS';
const baseAllowHeaders = ['Authorization', 'Content-Type'];
const exposeHeaders = 'WWW-Authenticate, Content-Length, Content-Type, X-Request-Id';

/**
 * The CORS response headers the devstack servers send. Origins are compared exactly (scheme, host
 * and port), as browsers send them; anything not on the allowlist gets no Access-Control-* header,
 * so the browser blocks the response. Credentials mode is never allowed: the portal sends bearer
 * tokens, not cookies.
 */
export function corsHeaders(request: CorsRequest, allowedOrigins: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  const { origin } = request;
  if (origin === undefined || !allowedOrigins.includes(origin)) {
    return headers;
  }
  headers['Access-Control-Allow-Origin'] = origin;
  if (!request.preflight) {
    headers['Access-Control-Expose-Headers'] = exposeHeaders;
    return headers;
  }
  const requested = (request.requestedHeaders ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name));
  const allowHeaders = [...baseAllowHeaders];
  for (const name of requested) {
    if (!allowHeaders.some((known) => known.toLowerCase() === name.toLowerCase())) {
      allowHeaders.push(name);
    }
  }
  headers['Access-Control-Allow-Methods'] = allowMethods;
  headers['Access-Control-Allow-Headers'] = allowHeaders.join(', ');
  headers['Access-Control-Max-Age'] = '600';
  return headers;
}
