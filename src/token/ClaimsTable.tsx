import type { JsonObject } from '../shared/token/decodeToken.ts';
import { rolesOf } from '../shared/token/readToken.ts';
import type { ClaimCheck } from './checkClaims.ts';
import { CLAIM_INFO, orderedClaims, TIME_CLAIMS } from './claimInfo.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { RoleChips } from './RoleChips.tsx';

interface ClaimsTableProps {
  caption: string;
  claims: JsonObject;
  checks: ClaimCheck[];
  skewMs: number;
  requiredRole: string;
  part: 'header' | 'payload';
}

function ClaimValue({
  claim,
  value,
  skewMs,
  requiredRole,
}: {
  claim: string;
  value: unknown;
  skewMs: number;
  requiredRole: string;
}) {
  if (TIME_CLAIMS.has(claim) && typeof value === 'number') {
    return (
      <>
        <code>{value}</code> · <RelativeTime at={value} skewMs={skewMs} />
      </>
    );
  }
  if (claim === 'realm_access')
    return (
      <RoleChips
        roles={{ realm: rolesOf({ realm_access: value }).realm, clients: [] }}
        required={requiredRole}
      />
    );
  if (claim === 'resource_access')
    return (
      <RoleChips roles={{ realm: [], clients: rolesOf({ resource_access: value }).clients }} required="" />
    );
  if (claim === 'scope' && typeof value === 'string') {
    return (
      <span className="roles__group">
        {value
          .split(' ')
          .filter(Boolean)
          .map((scope) => (
            <span className="chip chip--scope" key={scope}>
              {scope}
            </span>
          ))}
      </span>
    );
  }
  // React renders strings as text: a claim holding HTML stays inert.
  return <code className="claim-value">{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

/** Each claim with its value made readable and its meaning in one line; problems flagged inline. */
export function ClaimsTable({ caption, claims, checks, skewMs, requiredRole, part }: ClaimsTableProps) {
  return (
    <table className={`claims claims--${part}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {orderedClaims(claims).map(([claim, value]) => {
          const flags = checks.filter((check) => check.claim === claim);
          return (
            <tr key={claim} className={flags.length ? `claims__row--${flags[0]?.severity}` : undefined}>
              <th scope="row">
                <code>{claim}</code>
              </th>
              <td>
                <ClaimValue claim={claim} value={value} skewMs={skewMs} requiredRole={requiredRole} />
                {flags.map((flag) => (
                  <p key={flag.message} className={`flag flag--${flag.severity}`}>
                    {flag.severity === 'error' ? '✗' : '!'} {flag.message}
                  </p>
                ))}
              </td>
              <td className="muted small">{CLAIM_INFO[claim] ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
