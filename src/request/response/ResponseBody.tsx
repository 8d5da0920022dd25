import { type ReactNode, useEffect, useState } from 'react';
import { type KnownToken, maskTokens } from '../../shared/bearer/maskTokens.ts';
import { count } from '../../shared/format.ts';
import { CodeBlock } from '../../ui/CodeBlock.tsx';
import { DownloadLink } from '../../ui/DownloadLink.tsx';
import { JsonTree } from './JsonTree.tsx';
import { formatBytes, type ReadBody, readBody, TEXT_LIMIT } from './readBody.ts';
import { type Scheduler, useFormattedLines } from './useFormattedLines.ts';
import { VirtualLines } from './VirtualLines.tsx';

const NO_TOKENS: readonly KnownToken[] = [];

interface ResponseBodyProps {
  body: Blob;
  contentType: string | undefined;
  /** Tokens to mask where the body shows them (case 42); the download keeps the bytes as received. */
  known?: readonly KnownToken[] | undefined;
  /** Injected in tests; between frames by default. */
  schedule?: Scheduler | undefined;
}

/** The body as collapsible JSON, text, HTML-as-text or binary (type + size + download). */
export function ResponseBody({ body, contentType, schedule, known = NO_TOKENS }: ResponseBodyProps) {
  const [read, setRead] = useState<ReadBody | null>(null);
  const [raw, setRaw] = useState(false);
  useEffect(() => {
    let live = true;
    setRead(null);
    readBody(body, contentType, (text) => maskTokens(text, known)).then(
      (result) => live && setRead(result),
      (cause: unknown) =>
        live && setRead({ kind: 'failed', message: `The body could not be read: ${String(cause)}` }),
    );
    return () => {
      live = false;
    };
  }, [body, contentType, known]);

  if (!read) return <p className="small muted">Reading the body…</p>;
  if (read.kind === 'failed') return <p className="small text-bad">{read.message}</p>;
  const download = (
    <DownloadLink
      blob={body}
      filename={`response.${read.extension}`}
      title="The body as received, tokens in it unmasked"
      small
    />
  );
  switch (read.kind) {
    case 'empty':
      return <p className="small muted">No body.</p>;
    case 'binary':
      return (
        <p className="rq-body">
          Binary body: <code>{contentType ?? 'no Content-Type'}</code>, {formatBytes(body.size)}. {download}
        </p>
      );
    case 'tree':
      return (
        <div className="rq-body">
          <div className="actions small">
            <button type="button" className="button button--quiet small" onClick={() => setRaw(!raw)}>
              {raw ? 'Show as a tree' : 'Show as received'}
            </button>
            {download}
          </div>
          {raw ? (
            <CodeBlock label="Response body, as received">{read.text}</CodeBlock>
          ) : (
            <JsonTree value={read.value} />
          )}
        </div>
      );
    case 'text':
      return (
        <div className="rq-body">
          {read.note && <p className="small text-warn">{read.note}</p>}
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
              <CodeBlock label="Response body">{read.text}</CodeBlock>
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
  download: ReactNode;
  schedule?: Scheduler | undefined;
}

function LargeText({ text, json, size, download, schedule }: LargeTextProps) {
  const { lines, done } = useFormattedLines(text, json, schedule);
  return (
    <>
      <p className="small muted" aria-live="polite">
        Large body ({formatBytes(size)}): {json ? 'pretty-printed' : 'shown'} a slice at a time, only the
        lines in view are drawn.{' '}
        {done < 1 ? `Formatting… ${Math.floor(done * 100)}%` : `${count(lines.length)} lines.`} {download}
      </p>
      <VirtualLines lines={lines} label="Body lines" />
    </>
  );
}
