import { useEffect, useState } from 'react';
import { type BodyKind, classifyBody } from './classifyBody.ts';
import { DownloadLink } from './DownloadLink.tsx';
import { formatBytes } from './formatBytes.ts';
import { JsonTree } from './JsonTree.tsx';
import { type Scheduler, useFormattedLines } from './useFormattedLines.ts';
import { VirtualLines } from './VirtualLines.tsx';

/** Above this, JSON is shown as progressively formatted lines instead of a tree of components. */
export const TREE_LIMIT = 100 * 1024;
/** Above this, text is shown through the virtualised view. */
export const TEXT_LIMIT = 256 * 1024;

interface ResponseBodyProps {
  body: Blob;
  contentType: string | undefined;
  /** Injected in tests; between frames by default. */
  schedule?: Scheduler | undefined;
}

type Read =
  | { kind: 'empty' | 'binary' }
  | { kind: 'tree'; value: unknown; text: string }
  | { kind: 'text'; text: string; json: boolean; note?: string }
  | { kind: 'failed'; message: string };

const EXTENSIONS: Record<BodyKind, string> = {
  json: 'json',
  html: 'html',
  text: 'txt',
  binary: 'bin',
  empty: 'txt',
};

async function readBody(
  body: Blob,
  contentType: string | undefined,
): Promise<Read & { bodyKind?: BodyKind }> {
  const head = new Uint8Array(await body.slice(0, 1024).arrayBuffer());
  const kind = classifyBody(contentType, body.size, head);
  if (kind === 'empty' || kind === 'binary') return { kind };
  const text = await body.text();
  if (kind === 'html')
    return { kind: 'text', text, json: false, note: 'HTML is shown as text, never rendered.' };
  if (kind === 'json' && body.size <= TREE_LIMIT) {
    try {
      return { kind: 'tree', value: JSON.parse(text), text };
    } catch {
      return {
        kind: 'text',
        text,
        json: false,
        note: 'Labelled JSON, but it is not valid JSON: shown as text.',
      };
    }
  }
  return { kind: 'text', text, json: kind === 'json' };
}

/** The body as collapsible JSON, text, HTML-as-text or binary (type + size + download). */
export function ResponseBody({ body, contentType, schedule }: ResponseBodyProps) {
  const [read, setRead] = useState<(Read & { bodyKind?: BodyKind }) | null>(null);
  const [raw, setRaw] = useState(false);
  useEffect(() => {
    let live = true;
    setRead(null);
    readBody(body, contentType).then(
      (result) => live && setRead(result),
      (cause: unknown) =>
        live && setRead({ kind: 'failed', message: `The body could not be read: ${String(cause)}` }),
    );
    return () => {
      live = false;
    };
  }, [body, contentType]);

  if (!read) return <p className="small muted">Reading the body…</p>;
  const bodyKind = classifyBody(contentType, body.size, new Uint8Array());
  const download = (
    <DownloadLink blob={body} filename={`response.${EXTENSIONS[read.kind === 'tree' ? 'json' : bodyKind]}`} />
  );
  switch (read.kind) {
    case 'empty':
      return <p className="small muted">No body.</p>;
    case 'failed':
      return <p className="small rq-error">{read.message}</p>;
    case 'binary':
      return (
        <p className="rq-binary">
          Binary body: <code>{contentType ?? 'no Content-Type'}</code>, {formatBytes(body.size)}. {download}
        </p>
      );
    case 'tree':
      return (
        <div className="rq-body-view">
          <div className="actions small">
            <button type="button" className="button button--quiet small" onClick={() => setRaw(!raw)}>
              {raw ? 'Show as a tree' : 'Show as received'}
            </button>
            {download}
          </div>
          {raw ? <pre className="response__body">{read.text}</pre> : <JsonTree value={read.value} />}
        </div>
      );
    case 'text':
      return (
        <div className="rq-body-view">
          {read.note && <p className="small rq-warn">{read.note}</p>}
          {body.size > TEXT_LIMIT || read.json ? (
            <LargeText
              text={read.text}
              json={read.json}
              size={body.size}
              download={download}
              schedule={schedule}
            />
          ) : (
            <>
              <div className="actions small">{download}</div>
              <pre className="response__body">{read.text}</pre>
            </>
          )}
        </div>
      );
  }
}

interface LargeTextProps {
  text: string;
  json: boolean;
  size: number;
  download: React.ReactNode;
  schedule?: Scheduler | undefined;
}

function LargeText({ text, json, size, download, schedule }: LargeTextProps) {
  const { lines, done } = useFormattedLines(text, json, schedule);
  return (
    <>
      <p className="small muted" aria-live="polite">
        Large body ({formatBytes(size)}): {json ? 'pretty-printed' : 'shown'} a slice at a time, only the
        lines in view are drawn.{' '}
        {done < 1
          ? `Formatting… ${Math.floor(done * 100)}%`
          : `${lines.length.toLocaleString('en-US')} lines.`}{' '}
        {download}
      </p>
      <VirtualLines lines={lines} label="Body lines" />
    </>
  );
}
