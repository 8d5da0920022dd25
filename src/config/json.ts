/**
 * The one guard for a parsed JSON object (not null, not an array), for every module that reads JSON:
 * config.json, tokens, discovery, answers. It lives in config/, the lowest layer, because config.json
 * is where JSON first enters and every other layer may import config.
 */
export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
