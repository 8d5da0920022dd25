import { InvalidTokenError, jwtDecode } from 'jwt-decode';
import { isJsonObject, type JsonObject } from '../../config/json.ts';

export type { JsonObject };

export type DecodedToken =
  | { ok: true; header: JsonObject; payload: JsonObject; parts: [string, string, string] }
  | {
      ok: false;
      reason: 'empty' | 'opaque' | 'jwe' | 'malformed';
      /** One line a user can act on. */
      message: string;
    };

const PART_NAMES = ['header', 'payload'];

/**
 * One line about a part jwt-decode could not read, in our words: its own message quotes the
 * decoded text (JSON.parse's "Unexpected token … in …"), which is a piece of the token.
 */
function partProblem(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : '';
  const part = PART_NAMES[Number(/part #(\d)/.exec(message)?.[1] ?? 0) - 1] ?? 'a part';
  if (/invalid base64/i.test(message)) return `its ${part} is not base64url`;
  if (/invalid json/i.test(message)) return `its ${part} is not JSON`;
  if (/not a JSON object/.test(message)) return 'its header or payload is not a JSON object';
  return 'it is not a JWT';
}

/**
 * Claims as plain data: every object without a prototype, so a claim named `__proto__`,
 * `constructor` or `toString` is a key like any other and can neither reach nor shadow anything
 * (JSON.parse makes `__proto__` an own key, but a lookup on a normal object can still find the
 * prototype's members under such names).
 */
function withoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypes);
  if (typeof value !== 'object' || value === null) return value;
  const plain: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) plain[key] = withoutPrototypes(item);
  return plain;
}

/**
 * Decodes (does not verify) a JWT with jwt-decode. Anything that is not a three-part JWS is
 * reported with the reason rather than thrown: opaque reference tokens and encrypted JWEs are
 * legitimate tokens the portal just cannot look inside. No message quotes the token.
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
    const header = withoutPrototypes(jwtDecode<unknown>(token, { header: true }));
    const payload = withoutPrototypes(jwtDecode<unknown>(token));
    if (!isJsonObject(header) || !isJsonObject(payload))
      throw new InvalidTokenError('header or payload is not a JSON object');
    return { ok: true, header, payload, parts: parts as [string, string, string] };
  } catch (cause) {
    return {
      ok: false,
      reason: 'malformed',
      message: `This token cannot be decoded: ${partProblem(cause)}. It was probably cut or changed when copied.`,
    };
  }
}
