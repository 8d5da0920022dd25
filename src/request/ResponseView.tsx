import { describeTimeLeft } from '../shared/token/formatDuration.ts';
import { whoOf } from '../shared/token/readToken.ts';
import { choiceLabel } from './chooseToken.ts';
import type { Shown } from './describeSend.ts';
import { formatBytes } from './formatBytes.ts';
import { ResponseBody } from './ResponseBody.tsx';
import type { Scheduler } from './useFormattedLines.ts';
import { VerdictBox } from './VerdictBox.tsx';

const statusLine = (shown: Shown) => {
  const { result } = shown;
  switch (result.kind) {
    case 'response':
      return `${result.status} ${result.statusText}`.trim();
    case 'network-error':
      return 'No response';
    case 'timeout':
      return 'Timeout';
    case 'cancelled':
      return 'Cancelled';
    case 'redirect':
      return 'Redirect (not followed)';
  }
};

const CORS_NOTE =
  'Other headers are hidden by CORS: the page can read only Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma and what the API lists in Access-Control-Expose-Headers.';

/** One answer: the verdict first, then status, timing, size, readable headers and the body. */
interface ResponseViewProps {
  shown: Shown;
  /** The previous request's answer, kept while a newer request is under way or was stopped. */
  retired?: boolean;
  schedule?: Scheduler | undefined;
}

export function ResponseView({ shown, retired = false, schedule }: ResponseViewProps) {
  const { result, request, token } = shown;
  const status = result.kind === 'response' ? result.status : 0;
  const tone =
    status >= 200 && status < 300 ? 'ok' : status >= 400 || result.kind !== 'response' ? 'bad' : 'warn';
  return (
    <section
      aria-label={retired ? 'Previous response' : 'Response'}
      className={retired ? 'response rq-response rq-response--retired' : 'response rq-response'}
    >
      {retired && (
        <p className="rq-retired" role="status">
          This is the answer to the previous request (sent at {new Date(shown.sentAtMs).toLocaleTimeString()}
          ), not to the one you just started. It is kept for comparison until the new answer replaces it.
        </p>
      )}
      <VerdictBox verdict={shown.verdict} />
      <p className="rq-response__meta">
        <span className={`rq-status rq-status--${tone}`} data-testid="response-status">
          {statusLine(shown)}
        </span>
        <span className="small muted">
          {result.durationMs.toLocaleString('en-US')} ms
          {result.kind === 'response' && ` · ${formatBytes(result.body.size)}`}
        </span>
      </p>
      <p className="small muted rq-response__sent">
        {request.method} {request.url} — {choiceLabel(shown.choice)}
        {token?.readable && ` (${whoOf(token)}, ${describeTimeLeft(shown.secondsLeft)} when sent)`}
      </p>
      {result.kind === 'response' && (
        <>
          <details className="rq-response__headers">
            <summary className="small">
              Headers the page may read ({result.headers.length}); others are hidden by CORS
            </summary>
            <dl>
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
            contentType={result.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1]}
            schedule={schedule}
          />
        </>
      )}
    </section>
  );
}
