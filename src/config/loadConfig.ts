import { readConfig } from './readConfig.ts';
import type { PortalConfig } from './types.ts';

export type LoadConfigResult = { ok: true; config: PortalConfig } | { ok: false; problems: string[] };

/** Fetches config.json at run time (one build serves every environment) and validates it. */
export async function loadConfig(
  url = '/config.json',
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<LoadConfigResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch (cause) {
    return {
      ok: false,
      problems: [`${url}: could not be fetched (${String(cause)}). Is the portal served?`],
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      problems: [`${url}: the server answered ${response.status}. Put config.json next to index.html.`],
    };
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch (cause) {
    return { ok: false, problems: [`${url}: is not valid JSON (${String(cause)})`] };
  }
  return readConfig(raw);
}
