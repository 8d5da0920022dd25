import type { EnvironmentConfig } from '../../config/types.ts';
import { roleProblem, type TokenProblem } from './judgeToken.ts';
import type { TokenReading } from './readToken.ts';

type MissingRole = Extract<TokenProblem, { kind: 'missing-role' }>;

/** What one realm role opens: the requests (presets) that need it. */
export interface RoleReach {
  role: string;
  requests: string[];
}

/**
 * What a valid token of this realm can call against the API as configured: requests that need only
 * a valid token, those whose realm role it has, and those whose role it lacks (with the roles it
 * has, said once). From the presets' `requiredRole`; an environment whose presets name no role
 * states one requirement for the whole API (`api.requiredRole`).
 */
export interface Reach {
  open: string[];
  granted: RoleReach[];
  lacking: Array<RoleReach & { problem: MissingRole }>;
}

const THE_API = 'the API';

export function reachOf(
  reading: TokenReading,
  environment: Pick<EnvironmentConfig, 'presets' | 'api'>,
): Reach {
  const named = environment.presets.some((preset) => preset.requiredRole);
  const byRole = new Map<string, string[]>();
  const open: string[] = [];
  if (!named) byRole.set(environment.api.requiredRole, [THE_API]);
  for (const preset of named ? environment.presets : []) {
    if (!preset.requiredRole) open.push(preset.name);
    else byRole.set(preset.requiredRole, [...(byRole.get(preset.requiredRole) ?? []), preset.name]);
  }
  const reach: Reach = { open, granted: [], lacking: [] };
  for (const [role, requests] of byRole) {
    const problem = reading.readable ? roleProblem(reading, role) : null;
    if (problem?.kind === 'missing-role') reach.lacking.push({ role, requests, problem });
    else reach.granted.push({ role, requests });
  }
  return reach;
}

/** "List patients and Create patient" */
export const namesOf = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** Whether the requirement is the whole API's (no preset names a role). */
export const isWholeApi = (requests: readonly string[]): boolean =>
  requests.length === 1 && requests[0] === THE_API;
