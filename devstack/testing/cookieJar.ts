interface StoredCookie {
  value: string;
  path: string;
}

/**
 * A minimal cookie jar for driving the devstack IdP with fetch (which keeps no cookies): one host,
 * path matching, deletion by Max-Age=0 or a past Expires. Enough for oidc-provider's session and
 * interaction cookies; not a general implementation.
 */
export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Remembers the Set-Cookie headers of a response to a request for `url`. */
  store(url: string, response: Response): void {
    const requestPath = new URL(url).pathname;
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      let path = requestPath.slice(0, requestPath.lastIndexOf('/')) || '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', attributeValue = ''] = attribute.split('=').map((part) => part.trim());
        const lower = key.toLowerCase();
        if (lower === 'path') path = attributeValue;
        if (lower === 'max-age' && Number(attributeValue) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.#cookies.delete(key);
      else this.#cookies.set(key, { value, path });
    }
  }

  /** The Cookie header to send with a request for `url` (empty string when none apply). */
  header(url: string): string {
    const requestPath = new URL(url).pathname;
    const pairs: string[] = [];
    for (const [key, cookie] of this.#cookies) {
      const matches =
        requestPath === cookie.path ||
        requestPath.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`);
      if (matches) pairs.push(`${key.slice(0, key.indexOf(';'))}=${cookie.value}`);
    }
    return pairs.join('; ');
  }

  /** fetch with this jar's cookies, never following redirects (the caller inspects each hop). */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie !== '') headers.set('Cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(url, response);
    return response;
  }
}
