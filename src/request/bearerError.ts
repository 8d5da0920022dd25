import { parseWwwAuthenticate } from './parseWwwAuthenticate.ts';

/** The RFC 6750 error of a refusal, and where the page could read it. */
export interface BearerError {
  /** RFC 6750 §3.1: invalid_request, invalid_token, insufficient_scope (or another code). */
  error?: string;
  description: string;
  /** The scope the challenge asks for (RFC 6750 §3). */
  scope?: string;
  /** `header`: WWW-Authenticate was readable; `body`: only the JSON body said it; `none`: neither. */
  source: 'header' | 'body' | 'none';
}

const header = (headers: ReadonlyArray<[string, string]>, name: string) =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1];

/**
 * Reads the bearer error from `WWW-Authenticate` (RFC 6750 §3) or, when the page cannot read that
 * header, from a JSON body shaped like an OAuth error (`error`, `error_description`, RFC 6749
 * §5.2): Keycloak's UserInfo and many APIs put it there, and CORS often hides the header.
 */
export function bearerError(headers: ReadonlyArray<[string, string]>, bodyText: string): BearerError {
  const value = header(headers, 'www-authenticate');
  if (value !== undefined) {
    const bearer = parseWwwAuthenticate(value).find((c) => c.scheme.toLowerCase() === 'bearer');
    const { error, error_description: description = '', scope } = bearer?.params ?? {};
    return { ...(error ? { error } : {}), ...(scope ? { scope } : {}), description, source: 'header' };
  }
  try {
    const body: unknown = JSON.parse(bodyText);
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (typeof fields.error === 'string' && fields.error !== '') {
      const description = typeof fields.error_description === 'string' ? fields.error_description : '';
      return { error: fields.error, description, source: 'body' };
    }
  } catch {
    // Not JSON: nothing more to read.
  }
  return { description: '', source: 'none' };
}
