/**
 * The portal's security headers, computed from its config.json: every static host of the portal
 * sends them (README: Deployment; deploy/ renders them for nginx), and so does the local stack, so a
 * connect-src mistake shows locally. One function, so the three cannot drift apart.
 */

/** Every origin config.json names (realms and APIs): the only places the page may connect to. */
export function configOrigins(config: object): string[] {
  const origins = new Set<string>();
  const visit = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /^(authority|baseUrl)$|Origins$/.test(key)) {
      const origin = URL.parse(value)?.origin;
      if (origin && origin !== 'null') origins.add(origin);
    } else if (Array.isArray(value)) for (const item of value) visit(item, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(config);
  return [...origins];
}

export interface HeaderOptions {
  /** Origins the page may fetch besides those in the config (tests: an echo server). */
  extraConnectOrigins?: readonly string[];
  /**
   * The Vite dev server's needs on top (npm start): React Fast Refresh's inline preamble
   * (its hash), styles Vite injects as <style> elements, and its HMR websocket.
   */
  dev?: { scriptHashes: readonly string[]; hmrOrigin: string };
  /** A CSP reporting endpoint; by default config.json's `cspReportUri`, when it has one. */
  reportUri?: string | undefined;
}

/**
 * config.json's `cspReportUri`, where browsers report CSP violations (README: Security). The portal
 * validates it with the rest of config.json; a value it would refuse (spaces, quotes, semicolons,
 * which would end the directive) is left out here as well.
 */
export function cspReportUriOf(config: object): string | undefined {
  const value = (config as { cspReportUri?: unknown }).cspReportUri;
  return typeof value === 'string' && value !== '' && !/[\s;,'"]/.test(value) ? value : undefined;
}

/** config.json's text as an object for the headers; an unreadable one names no origin. */
export function parseConfig(text: string): object {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

export function securityHeaders(config: object, options: HeaderOptions = {}): Record<string, string> {
  const { extraConnectOrigins = [], dev, reportUri = cspReportUriOf(config) } = options;
  const hashes = dev ? dev.scriptHashes.map((hash) => ` '${hash}'`).join('') : '';
  const connect = [
    "'self'",
    ...configOrigins(config),
    ...extraConnectOrigins,
    ...(dev ? [dev.hmrOrigin] : []),
  ];
  const csp = [
    "default-src 'self'",
    `script-src 'self'${hashes}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    ...(reportUri ? [`report-uri ${reportUri}`] : []),
  ];
  return {
    'Content-Security-Policy': csp.join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}
