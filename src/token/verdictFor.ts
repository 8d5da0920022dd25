import type { DecodedToken } from '../shared/token/decodeToken.ts';
import { rolesOf } from './rolesOf.ts';

export type Verdict =
  | { kind: 'can-call'; message: string }
  | { kind: 'missing-role'; message: string; roles: string[] }
  | { kind: 'unknown'; message: string };

/** Whether the API will accept this access token, judged by the realm role it requires. */
export function verdictFor(access: DecodedToken, requiredRole: string): Verdict {
  if (!access.ok) {
    return { kind: 'unknown', message: `Cannot tell whether this token can call the API: ${access.message}` };
  }
  const { realm } = rolesOf(access.payload);
  if (realm.includes(requiredRole)) {
    return {
      kind: 'can-call',
      message: `This token can call the API: it has the realm role ${requiredRole}.`,
    };
  }
  const signedInAs = realm.find((role) => role === 'patient')
    ? ' (signed in as a patient?)'
    : realm.length === 0
      ? ' (it has no realm roles at all)'
      : '';
  return {
    kind: 'missing-role',
    roles: realm,
    message: `This token lacks the realm role ${requiredRole}: the API will refuse it${signedInAs}. Sign in as a user with that role.`,
  };
}
