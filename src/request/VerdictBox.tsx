import { CopyButton } from '../ui/CopyButton.tsx';
import type { Verdict } from './verdict.ts';

const ICONS: Record<Verdict['severity'], string> = { ok: '✓', info: 'ℹ', warn: '⚠', bad: '✕' };

/** The explainer's one verdict: what happened, why, and what to do next. */
export function VerdictBox({ verdict }: { verdict: Verdict }) {
  return (
    <section
      className={`rq-verdict rq-verdict--${verdict.severity}`}
      aria-labelledby="rq-verdict-title"
      data-verdict={verdict.kind}
    >
      <p id="rq-verdict-title" className="rq-verdict__title">
        <span aria-hidden="true">{ICONS[verdict.severity]} </span>
        {verdict.title}
      </p>
      <p className="rq-verdict__detail">{verdict.detail}</p>
      {verdict.note && <p className="small rq-verdict__note">{verdict.note}</p>}
      <p className="rq-verdict__next">
        <strong>Next: </strong>
        {verdict.next}
      </p>
      {verdict.curl && (
        <div className="rq-verdict__curl">
          <pre>{verdict.curl}</pre>
          <CopyButton label="Copy curl" getText={() => verdict.curl ?? ''} />
        </div>
      )}
    </section>
  );
}
