import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface LocalStackUrls {
  issuer: string;
  apiUrl: string;
}

type Json = Record<string, unknown>;

const CONFIG_PATH = fileURLToPath(new URL('../public/config.json', import.meta.url));

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
