import { useEffect, useRef } from 'react';
import { headerOf, type SendResult } from '../../shared/bearer/send.ts';
import type { Explanation } from '../../shared/explanation.ts';
import { count, localClock } from '../../shared/format.ts';
import { describeTimeLeft } from '../../shared/token/formatDuration.ts';
import { whoOf } from '../../shared/token/readToken.ts';
import { bringIntoView } from '../../ui/bringIntoView.ts';
import { Callout } from '../../ui/Callout.tsx';
import { CurlCallout } from '../../ui/CurlCallout.tsx';
import { choiceLabel } from '../editor/draft.ts';
import type { Exchange } from '../flow/sendPipeline.ts';
import { ResponseBody } from './ResponseBody.tsx';
import { formatBytes } from './readBody.ts';
import type { Scheduler } from './useFormattedLines.ts';

/** The status line as received, or what happened instead. */
function statusLine(result: SendResult): string {
  switch (result.kind) {
    case 'response':
      return `${result.status} ${result.statusText}`.trim();
    case 'network-error':
      return 'No response';
    case 'blocked-by-csp':
      return 'Not sent (blocked by the portal’s CSP)';
    case 'timeout':
      return 'Timeout';
    case 'cancelled':
      return 'Cancelled';
    case 'redirect':
      return 'Redirect (not followed)';
  }
}

const toneOf = (result: SendResult) => {
  if (result.kind !== 'response' || result.status >= 400) return 'bad';
  return result.status >= 200 && result.status < 300 ? 'ok' : 'warn';
};

const CORS_NOTE =
  'Other headers are hidden by CORS: the page can read only Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma and what the API lists in Access-Control-Expose-Headers.';

/** Case 41: the status is the API's; only the body was cut, and by what. */
function cutNote(cut: { reason: 'size' | 'time'; bytes: number }, status: number): Explanation<'body-cut'> {
  return cut.reason === 'size'
    ? {
        kind: 'body-cut',
        tone: 'info',
        title: `Only the first ${formatBytes(cut.bytes)} of the body were read`,
        detail: `The API answered ${status} with a larger body; the portal keeps at most ${formatBytes(cut.bytes)} of it, so the page stays usable.`,
        next: 'Retry with curl (Copy as curl) to get the whole body.',
      }
    : {
        kind: 'body-cut',
        tone: 'warn',
        title: `The API answered ${status}, but its body kept coming until the timeout`,
        detail: `Shown: the ${formatBytes(cut.bytes)} that arrived before the portal stopped reading. The answer itself (status and headers) came in time.`,
        next: 'Raise the timeout and send again, or retry with curl to get the whole body.',
      };
}

interface ResponseViewProps {
  exchange: Exchange;
  /** The previous request's answer, kept while a newer request is under way or was stopped. */
  retired?: boolean;
  schedule?: Scheduler | undefined;
}

/** One answer: the verdict first, then status, timing, size, readable headers and the body. */
export function ResponseView({ exchange, retired = false, schedule }: ResponseViewProps) {
  const { result, request, token } = exchange;
  const here = useRef<HTMLElement>(null);
  // A new answer (the view is keyed by it) comes to the eye: the old one stays where it was.
  useEffect(() => {
    if (!retired) bringIntoView(here.current);
  }, [retired]);
  return (
    <section
      ref={here}
      tabIndex={-1}
      aria-label={retired ? 'Previous response' : 'Response'}
      className={retired ? 'rq-response rq-response--retired' : 'rq-response'}
    >
      {retired && (
        <Callout
          role="status"
          className="rq-response__retired"
          explanation={{
            kind: 'retired',
            tone: 'info',
            title: `This is the answer to the previous request (sent at ${localClock(exchange.sentAtMs)}), not to the one you just started`,
            detail: 'It is kept for comparison until the new answer replaces it.',
          }}
        />
      )}
      <CurlCallout explanation={exchange.verdict} className="rq-response__verdict" />
      <p className="rq-response__meta">
        <span className={`rq-response__status text-${toneOf(result)}`} data-testid="response-status">
          {statusLine(result)}
        </span>
        <span className="small muted">
          {count(result.durationMs)} ms
          {result.kind === 'response' && ` · ${formatBytes(result.body.size)}`}
        </span>
      </p>
      {result.kind === 'response' && result.cut && (
        <Callout role="note" explanation={cutNote(result.cut, result.status)} testId="body-cut" />
      )}
      <p className="small muted rq-response__sent">
        {request.method} {request.url} — {choiceLabel(exchange.choice)}
        {token?.readable && ` (${whoOf(token)}, ${describeTimeLeft(exchange.secondsLeft)} when sent)`}
      </p>
      {result.kind === 'response' && (
        <>
          <details>
            <summary className="small">
              Headers the page may read ({result.headers.length}); others are hidden by CORS
            </summary>
            <dl className="rq-response__headers">
              {result.headers.map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <p className="small muted">{CORS_NOTE}</p>
          </details>
          <ResponseBody
            body={result.body}
            contentType={headerOf(result.headers, 'content-type')}
            schedule={schedule}
            known={exchange.known}
          />
        </>
      )}
    </section>
  );
}
