import type { Roles } from '../shared/token/readToken.ts';

interface RoleChipsProps {
  roles: Roles;
  /** Highlighted: the role the API requires. */
  required: string;
}

/** Roles grouped realm / per client, the required one marked. */
export function RoleChips({ roles, required }: RoleChipsProps) {
  const groups = [
    { label: 'realm', roles: roles.realm },
    ...roles.clients.map((c) => ({ label: c.client, roles: c.roles })),
  ];
  return (
    <div className="roles">
      {groups.map((group) => (
        <div className="roles__group" key={group.label}>
          <span className="roles__label">{group.label}</span>
          {group.roles.length === 0 && <span className="muted small">no roles</span>}
          {group.roles.map((role) => (
            <span
              key={role}
              className={group.label === 'realm' && role === required ? 'chip chip--required' : 'chip'}
              title={group.label === 'realm' && role === required ? 'The role the API requires' : undefined}
            >
              {role}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
