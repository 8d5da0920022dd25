import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface LocalStackUrls {
  issuer: string;
  apiUrl: string;
}

type Json = Record<string, unknown>;

export const CONFIG_PATH = fileURLToPath(new URL('../public/config.json', import.meta.url));

/**
 * public/config.json with its `local` environment pointed at the running devstack, so the local
 * stack can run on any ports. The other environments are served as they are.
 */
export function localConfig({ issuer, apiUrl }: LocalStackUrls, path = CONFIG_PATH): Json {
  const config = JSON.parse(readFileSync(path, 'utf8')) as Json;
  const environments = (config.environments as Json[]).map((environment) => {
    if (environment.id !== 'local') return environment;
    const api = environment.api as Json;
    return {
      ...environment,
      authority: issuer,
      api: { ...api, baseUrl: apiUrl, allowedOrigins: [apiUrl] },
    };
  });
  return { ...config, environments };
}

/** What public/config.json itself says about the Local environment (npm start reports overrides). */
export function readLocalConfigFile(
  path = CONFIG_PATH,
): { authority?: string; apiBaseUrl?: string } | undefined {
  try {
    const config = JSON.parse(readFileSync(path, 'utf8')) as Json;
    const local = (config.environments as Json[] | undefined)?.find(
      (environment) => environment.id === 'local',
    );
    if (local === undefined) return undefined;
    const api = local.api as Json | undefined;
    return {
      ...(typeof local.authority === 'string' ? { authority: local.authority } : {}),
      ...(typeof api?.baseUrl === 'string' ? { apiBaseUrl: api.baseUrl } : {}),
    };
  } catch {
    // An unreadable file is reported by the portal itself, on its configuration page.
    return undefined;
  }
}
