import type { EnvironmentConfig } from '../config/types.ts';

/** The environment's callback URL: config may give a path, resolved against the portal's origin. */
export function redirectUriOf(environment: EnvironmentConfig, origin: string): string {
  return new URL(environment.redirectUri, `${origin}/`).href;
}
