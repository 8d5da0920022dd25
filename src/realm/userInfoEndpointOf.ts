import type { EnvironmentConfig } from '../config/types.ts';
import type { DiscoveryView } from '../shared/discovery/describeDiscovery.ts';

export type UserInfoTarget = { ok: true; url: string } | { ok: false; message: string };

/**
 * Where UserInfo may be called with the access token: the endpoint the realm advertises, and only
 * on the realm's own origin. A discovery document pointing the token elsewhere is refused rather
 * than followed (the bearer would go to a server nobody configured).
 */
export function userInfoEndpointOf(
  view: DiscoveryView | null,
  environment: EnvironmentConfig,
): UserInfoTarget {
  if (!view) return { ok: false, message: 'Waiting for the realm configuration…' };
  if (!view.ok)
    return { ok: false, message: `No realm configuration: ${view.title}. See Realm configuration.` };
  const url = view.endpoints.find((endpoint) => endpoint.key === 'userinfo_endpoint')?.url;
  if (!url) return { ok: false, message: 'The realm advertises no UserInfo endpoint.' };
  const origin = URL.parse(url)?.origin;
  const realmOrigin = URL.parse(environment.authority)?.origin;
  if (!origin || origin !== realmOrigin) {
    return {
      ok: false,
      message: `The realm advertises UserInfo at ${url}, outside the realm's origin ${realmOrigin ?? '?'}: the portal does not send the token there.`,
    };
  }
  return { ok: true, url };
}
