export type BodyKind = 'empty' | 'json' | 'html' | 'text' | 'binary';

const TEXTUAL = /^text\/|[/+](xml|javascript|ecmascript|x-www-form-urlencoded|csv|yaml)\b/i;

/**
 * How to show a response body: by its Content-Type, or, without one, by sniffing its first bytes
 * (JSON-looking text, else text when it decodes as UTF-8 without NULs, else binary).
 */
export function classifyBody(contentType: string | undefined, size: number, head: Uint8Array): BodyKind {
  if (size === 0) return 'empty';
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (TEXTUAL.test(type)) return 'text';
  if (type !== '') return 'binary';
  if (head.includes(0)) return 'binary';
  try {
    // stream: a multi-byte character cut at the end of the sample is not a reason to call it binary.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return /^\s*[[{]/.test(text) ? 'json' : 'text';
  } catch {
    return 'binary';
  }
}
