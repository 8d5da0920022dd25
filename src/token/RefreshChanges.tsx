import type { JsonObject } from '../shared/token/decodeToken.ts';
import type { TokenReading } from '../shared/token/readToken.ts';

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
    <details className="tk-disclosure" open>
      <summary>What the last refresh changed ({changes.length} claims)</summary>
      <table className="table">
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
                <code className="tk-value">{show(change.before)}</code>
              </td>
              <td>
                <code className="tk-value">{show(change.after)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export interface ClaimChange {
  claim: string;
  before: unknown;
  after: unknown;
}

/** What a refresh changed: claims added, removed or with another value (jti, exp, iat at least). */
export function diffClaims(before: JsonObject, after: JsonObject): ClaimChange[] {
  const claims = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return claims
    .filter((claim) => JSON.stringify(before[claim]) !== JSON.stringify(after[claim]))
    .map((claim) => ({ claim, before: before[claim], after: after[claim] }));
}
