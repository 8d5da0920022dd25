export type ResolvedUrl = { ok: true; url: string } | { ok: false; message: string };

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * An absolute URL as typed, or a path appended to the API base URL. Appending (not `new URL(path,
 * base)`) keeps a base path: base `https://x/gateway` + `/api/v1/me` is `https://x/gateway/api/v1/me`.
 */
export function resolveUrl(input: string, baseUrl: string): ResolvedUrl {
  const typed = input.trim();
  if (typed === '') return { ok: false, message: 'Type a path (e.g. /api/v1/me) or a full URL.' };
  if (typed.startsWith('//')) {
    return { ok: false, message: `Add the scheme: https:${typed} (a URL starting with // is ambiguous).` };
  }
  const candidate = ABSOLUTE.test(typed)
    ? typed
    : typed.startsWith('?') || typed.startsWith('#')
      ? `${baseUrl.replace(/\/+$/, '')}${typed}`
      : `${baseUrl.replace(/\/+$/, '')}/${typed.replace(/^\/+/, '')}`;
  const url = URL.parse(candidate);
  if (!url) return { ok: false, message: `"${typed}" is not a valid URL or path.` };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `Only http and https URLs can be called, not ${url.protocol}.` };
  }
  return { ok: true, url: url.href };
}
