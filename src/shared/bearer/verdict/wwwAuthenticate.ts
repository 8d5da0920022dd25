import { headerOf } from '../send.ts';

/** One challenge of a `WWW-Authenticate` header (RFC 7235 §2.1, §4.1). */
export interface Challenge {
  /** As sent; compare case-insensitively (RFC 7235 §2.1). */
  scheme: string;
  /** Parameter names lower-cased (they are case-insensitive); values unquoted and unescaped. */
  params: Record<string, string>;
  /** The token68 form (e.g. `Negotiate abc==`), when the challenge carries one instead of params. */
  token68?: string;
}

const TCHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

/**
 * Parses a `WWW-Authenticate` value into its challenges. Several challenges may share one header
 * (fetch also joins repeated headers with ", "), so a comma ends either a parameter or a challenge:
 * a token followed by whitespace and no "=" starts a new challenge. Lenient: malformed pieces are
 * skipped up to the next comma, so one odd parameter does not hide the Bearer `error`.
 */
export function parseWwwAuthenticate(header: string | null | undefined): Challenge[] {
  const text = header ?? '';
  const challenges: Challenge[] = [];
  let i = 0;
  let current: Challenge | null = null;

  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i += 1;
  };
  const readToken = () => {
    const start = i;
    while (i < text.length && TCHAR.test(text[i] ?? '')) i += 1;
    return text.slice(start, i);
  };
  const readQuoted = () => {
    // RFC 7230 §3.2.6: quoted-string with backslash quoted-pairs.
    i += 1;
    let value = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && i + 1 < text.length) i += 1;
      value += text[i];
      i += 1;
    }
    i += 1; // the closing quote (or past the end of an unterminated string)
    return value;
  };
  const skipToComma = () => {
    while (i < text.length && text[i] !== ',') {
      if (text[i] === '"') readQuoted();
      else i += 1;
    }
  };

  while (i < text.length) {
    skipSpace();
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    const start = i;
    const name = readToken();
    if (name === '') {
      skipToComma();
      continue;
    }
    const afterName = i;
    skipSpace();
    if (current && text[i] === '=') {
      // auth-param: token BWS "=" BWS ( token / quoted-string )
      i += 1;
      skipSpace();
      const value = text[i] === '"' ? readQuoted() : readToken();
      const key = name.toLowerCase();
      if (!(key in current.params)) current.params[key] = value;
      skipSpace();
      if (i < text.length && text[i] !== ',') skipToComma();
      continue;
    }
    // A new challenge: the scheme, then token68 or params (or nothing).
    i = afterName;
    if (afterName === start) break;
    current = { scheme: name, params: {} };
    challenges.push(current);
    skipSpace();
    const token68 = readToken68();
    if (token68 !== null) current.token68 = token68;
  }
  return challenges;

  function readToken68(): string | null {
    const start = i;
    while (i < text.length && TOKEN68_CHAR.test(text[i] ?? '')) i += 1;
    if (i === start) return null;
    while (text[i] === '=') i += 1;
    const end = i;
    skipSpace();
    // It was token68 only if the challenge ends here; otherwise it is the first param's name.
    if (i >= text.length || text[i] === ',') return text.slice(start, end);
    i = start;
    return null;
  }
}

/** The RFC 6750 error of a refusal, and where the page could read it. */
export interface BearerError {
  /** RFC 6750 §3.1: invalid_request, invalid_token, insufficient_scope (or another code). */
  error?: string;
  description: string;
  /** The scope the challenge asks for (RFC 6750 §3). */
  scope?: string;
  /** `header`: WWW-Authenticate was readable; `body`: only the JSON body said it; `none`: neither. */
  source: 'header' | 'body' | 'none';
  /** A JSON body's own words without an OAuth error code (`message`, `detail`, `title`), to quote. */
  message?: string;
}

/** The words of a JSON error body that is not shaped like an OAuth error, e.g. {"message":"JWT is invalid."}. */
function messageOf(fields: Record<string, unknown>): string | undefined {
  for (const key of ['message', 'detail', 'title', 'error_description']) {
    const value = fields[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return undefined;
}

/**
 * Reads the bearer error from `WWW-Authenticate` (RFC 6750 §3) or, when the page cannot read that
 * header, from a JSON body shaped like an OAuth error (`error`, `error_description`, RFC 6749
 * §5.2): Keycloak's UserInfo and many APIs put it there, and CORS often hides the header.
 */
export function bearerError(headers: ReadonlyArray<[string, string]>, bodyText: string): BearerError {
  const value = headerOf(headers, 'www-authenticate');
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
    const message = messageOf(fields);
    if (message !== undefined) return { description: '', source: 'none', message };
  } catch {
    // Not JSON: nothing more to read.
  }
  return { description: '', source: 'none' };
}
