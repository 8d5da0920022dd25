import type { TokenReading } from '../shared/token/readToken.ts';
import { diffClaims } from './diffClaims.ts';

interface RefreshChangesProps {
  previous: TokenReading;
  current: TokenReading;
}

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** After a refresh: the claims of the new access token that differ from the one it replaced. */
export function RefreshChanges({ previous, current }: RefreshChangesProps) {
  if (!previous.decoded.ok || !current.decoded.ok) return null;
  const changes = diffClaims(previous.decoded.payload, current.decoded.payload);
  return (
    <details className="changes" open>
      <summary>What the last refresh changed ({changes.length} claims)</summary>
      <table className="claims">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.claim}>
              <th scope="row">
                <code>{change.claim}</code>
              </th>
              <td>
                <code className="claim-value">{show(change.before)}</code>
              </td>
              <td>
                <code className="claim-value">{show(change.after)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
