import { localDateTime } from '../../shared/format.ts';
import { useServerNow, useServerTime } from '../../shared/serverTime.tsx';
import type { JsonObject } from '../../shared/token/decodeToken.ts';
import { formatRelative } from '../../shared/token/formatDuration.ts';
import { type Roles, rolesOf } from '../../shared/token/readToken.ts';
import type { ClaimCheck } from './checkClaims.ts';
import { claimInfo, orderedClaims, TIME_CLAIMS } from './claimInfo.ts';

interface ClaimsTableProps {
  caption: string;
  claims: JsonObject;
  checks: ClaimCheck[];
  requiredRole: string;
  part: 'header' | 'payload';
}

/** Each claim with its value made readable and its meaning in one line; problems flagged inline. */
export function ClaimsTable({ caption, claims, checks, requiredRole, part }: ClaimsTableProps) {
  return (
    <table className="table tk-claims">
      <caption className={`syntax-${part}`}>{caption}</caption>
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
            <tr key={claim} className={flags[0] ? `tone-${flags[0].tone} tk-claims__flagged` : undefined}>
              <th scope="row">
                <code>{claim}</code>
              </th>
              <td>
                <ClaimValue claim={claim} value={value} requiredRole={requiredRole} />
                {flags.map((flag) => (
                  <p key={flag.message} className={`note tone-${flag.tone}`}>
                    {flag.tone === 'bad' ? '✗' : '!'} {flag.message}
                  </p>
                ))}
              </td>
              <td className="muted small">{claimInfo(claim)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ClaimValue({ claim, value, requiredRole }: { claim: string; value: unknown; requiredRole: string }) {
  if (TIME_CLAIMS.has(claim) && typeof value === 'number') {
    return (
      <>
        <code>{value}</code> · <RelativeTime at={value} />
      </>
    );
  }
  if (claim === 'realm_access')
    return (
      <RolePills
        roles={{ realm: rolesOf({ realm_access: value }).realm, clients: [] }}
        required={requiredRole}
      />
    );
  if (claim === 'resource_access')
    return (
      <RolePills roles={{ realm: [], clients: rolesOf({ resource_access: value }).clients }} required="" />
    );
  if (claim === 'scope' && typeof value === 'string') {
    return (
      <span className="tk-roles__group">
        {value
          .split(' ')
          .filter(Boolean)
          .map((scope) => (
            <span className="pill tone-info" key={scope}>
              {scope}
            </span>
          ))}
      </span>
    );
  }
  // React renders strings as text: a claim holding HTML stays inert.
  return <code className="tk-value">{typeof value === 'string' ? value : JSON.stringify(value)}</code>;
}

/** Roles grouped realm / per client, the one the API requires marked. */
function RolePills({ roles, required }: { roles: Roles; required: string }) {
  const groups = [
    { label: 'realm', roles: roles.realm },
    ...roles.clients.map((c) => ({ label: c.client, roles: c.roles })),
  ];
  return (
    <div className="tk-roles">
      {groups.map((group) => (
        <div className="tk-roles__group" key={group.label}>
          <span className="tk-roles__label small muted">{group.label}</span>
          {group.roles.length === 0 && <span className="muted small">no roles</span>}
          {group.roles.map((role) => {
            const isRequired = group.label === 'realm' && role === required;
            return (
              <span
                key={role}
                className={isRequired ? 'pill tone-ok pill--strong' : 'pill'}
                title={isRequired ? 'The role the API requires' : undefined}
              >
                {role}
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** Local date-time plus "in 3 min 12 s" / "2 min ago"; a leaf, so only it follows the clock. */
function RelativeTime({ at }: { at: number }) {
  const { serverNow } = useServerNow();
  const { skewMs } = useServerTime().clock;
  // Shown in local time as the user's clock would read it (server time minus skew).
  const local = new Date(at * 1000 - skewMs);
  return (
    <span>
      <time dateTime={local.toISOString()}>{localDateTime(local.getTime())}</time>{' '}
      <span className="muted">({formatRelative(at, serverNow)})</span>
    </span>
  );
}
