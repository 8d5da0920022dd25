import type { DevUser } from './users.ts';

/** The OpenID Connect standard claims of a devstack user (ID token, userinfo). */
export function userClaims(user: DevUser): Record<string, string | boolean> {
  return {
    sub: user.sub,
    preferred_username: user.username,
    name: user.name,
    given_name: user.givenName,
    family_name: user.familyName,
    email: user.email,
    email_verified: true,
  };
}
