import { InvalidTokenError, jwtDecode } from 'jwt-decode';

export type JsonObject = Record<string, unknown>;

export type DecodedToken =
  | { ok: true; header: JsonObject; payload: JsonObject; parts: [string, string, string] }
  | {
      ok: false;
      reason: 'empty' | 'opaque' | 'jwe' | 'malformed';
      /** One line a user can act on. */
      message: string;
      cause?: unknown;
    };

/**
 * Decodes (does not verify) a JWT with jwt-decode. Anything that is not a three-part JWS is
 * reported with the reason rather than thrown: opaque reference tokens and encrypted JWEs are
 * legitimate tokens the portal just cannot look inside.
 */
export function decodeToken(raw: string | undefined | null): DecodedToken {
  const token = raw?.trim() ?? '';
  if (token === '') return { ok: false, reason: 'empty', message: 'No token.' };
  const parts = token.split('.');
  if (parts.length === 5) {
    return {
      ok: false,
      reason: 'jwe',
      message: 'This is an encrypted token (JWE, 5 parts): only the API can read its claims.',
    };
  }
  if (parts.length === 1) {
    return {
      ok: false,
      reason: 'opaque',
      message:
        'This is an opaque token (not a JWT): only the realm can tell what it means (token introspection).',
    };
  }
  if (parts.length !== 3) {
    return {
      ok: false,
      reason: 'malformed',
      message: `A JWT has 3 parts separated by dots; this one has ${parts.length}. It was probably cut when copied.`,
    };
  }
  try {
    const header = jwtDecode<JsonObject>(token, { header: true });
    const payload = jwtDecode<JsonObject>(token);
    if (!isObject(header) || !isObject(payload))
      throw new InvalidTokenError('header or payload is not a JSON object');
    return { ok: true, header, payload, parts: parts as [string, string, string] };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, reason: 'malformed', message: `This token cannot be decoded: ${detail}.`, cause };
  }
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
