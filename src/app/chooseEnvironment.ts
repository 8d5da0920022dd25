import { callbackShape } from '../auth/callbackUrl.ts';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';

/**
 * Which realm this page load talks to. A sign-in callback belongs to the realm that started it;
 * otherwise a deep link (`?env=acceptance`), then the saved preference, then the configured default.
 */
export function chooseEnvironment(
  config: PortalConfig,
  location: Location | URL,
  saved: string | null,
): EnvironmentConfig {
  const byId = (id: string | null) => config.environments.find((e) => e.id === id);
  const callbackOwner = config.environments.find((e) => callbackShape(e, location) !== 'none');
  const fromLink = byId(new URLSearchParams(location.search).get('env'));
  // readConfig guarantees the default exists and the list is not empty.
  const fallback = byId(config.defaultEnvironment) ?? (config.environments[0] as EnvironmentConfig);
  return callbackOwner ?? fromLink ?? byId(saved) ?? fallback;
}
