import { localClock } from '../../shared/format.ts';
import { describeTimeLeft } from '../../shared/token/formatDuration.ts';
import { choiceLabel } from '../editor/draft.ts';
import type { HistoryEntry } from './history.ts';

interface HistoryListProps {
  entries: HistoryEntry[];
  problem?: string | undefined;
  onReopen: (entry: HistoryEntry) => void;
  onResend: (entry: HistoryEntry) => void;
  onClear: () => void;
}

const describeWho = (who: NonNullable<HistoryEntry['who']>) =>
  [
    who.username,
    who.sub && `sub ${who.sub}`,
    who.jti && `jti ${who.jti}`,
    who.secondsLeft !== undefined && `${describeTimeLeft(who.secondsLeft)} when sent`,
  ]
    .filter(Boolean)
    .join(', ');

const time = localClock;

/** The last 50 requests of this tab: who the token was, never the token. */
export function HistoryList({ entries, problem, onReopen, onResend, onClear }: HistoryListProps) {
  return (
    <section className="rq-history" aria-labelledby="rq-history-title">
      <div className="card__head">
        <h3 id="rq-history-title">History of this tab ({entries.length})</h3>
        {entries.length > 0 && (
          <button type="button" className="button button--quiet small" onClick={onClear}>
            Clear history
          </button>
        )}
      </div>
      {problem && <p className="small text-warn">{problem}</p>}
      {entries.length === 0 ? (
        <p className="small muted">Requests you send appear here (the last 50, tokens never kept).</p>
      ) : (
        <ol className="rq-history__list">
          {entries.map((entry) => (
            <li key={entry.id} className="rq-history__entry">
              <span>
                <time dateTime={new Date(entry.at).toISOString()}>{time(entry.at)}</time>{' '}
                <strong>{entry.status}</strong> <code>{entry.method}</code>{' '}
                <span className="rq-history__url">{entry.url}</span>
              </span>
              <span className="small muted">
                {choiceLabel(entry.choice)}
                {entry.who && ` — ${describeWho(entry.who)}`}
              </span>
              <span className="actions rq-history__actions">
                <button type="button" className="button button--quiet small" onClick={() => onReopen(entry)}>
                  Reopen
                </button>
                <button type="button" className="button button--quiet small" onClick={() => onResend(entry)}>
                  Run again
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
