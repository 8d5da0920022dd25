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

/** "512 B", "2.0 KB", "10.5 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Above this, JSON is shown as progressively formatted lines instead of a tree of components. */
export const TREE_LIMIT = 100 * 1024;
/** Above this, text is shown through the virtualised view. */
export const TEXT_LIMIT = 256 * 1024;

/** How a body will be shown, read once. */
export type ReadBody =
  | { kind: 'empty' | 'binary'; extension: string }
  | { kind: 'tree'; value: unknown; text: string; extension: string }
  | { kind: 'text'; text: string; json: boolean; note?: string; extension: string }
  | { kind: 'failed'; message: string };

const EXTENSIONS: Record<BodyKind, string> = {
  json: 'json',
  html: 'html',
  text: 'txt',
  binary: 'bin',
  empty: 'txt',
};

/**
 * Reads a response body for showing: its kind from the first kilobyte, then the text, and small
 * JSON parsed for the tree. HTML is never rendered, only shown as text; JSON that does not parse
 * is shown as text with a note. `mask` hides tokens in the text before anything shows it.
 */
export async function readBody(
  body: Blob,
  contentType: string | undefined,
  mask: (text: string) => string = (text) => text,
): Promise<ReadBody> {
  const head = new Uint8Array(await body.slice(0, 1024).arrayBuffer());
  const kind = classifyBody(contentType, body.size, head);
  const extension = EXTENSIONS[kind];
  if (kind === 'empty' || kind === 'binary') return { kind, extension };
  const text = mask(await body.text());
  if (kind === 'html')
    return { kind: 'text', text, json: false, note: 'HTML is shown as text, never rendered.', extension };
  if (kind === 'json' && body.size <= TREE_LIMIT) {
    try {
      return { kind: 'tree', value: JSON.parse(text), text, extension };
    } catch {
      return {
        kind: 'text',
        text,
        json: false,
        note: 'Labelled JSON, but it is not valid JSON: shown as text.',
        extension,
      };
    }
  }
  return { kind: 'text', text, json: kind === 'json', extension };
}
