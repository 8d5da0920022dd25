import { isJsonObject, type JsonObject } from './json.ts';
import { METHODS } from './methods.ts';
import type { ApiConfig, EndpointPreset, EnvironmentConfig, PortalConfig } from './types.ts';
import { isLoopbackHost } from './urls.ts';

/** Spring Security's default (JwtTimestampValidator): the most common API stack behind Keycloak. */
export const DEFAULT_LEEWAY_SECONDS = 60;
/** The API's clock leeway in seconds (config.json's api.clockLeewaySeconds, or the default). */
export const leewayOf = (api: Pick<ApiConfig, 'clockLeewaySeconds'>) =>
  api.clockLeewaySeconds ?? DEFAULT_LEEWAY_SECONDS;

export type ReadConfigResult = { ok: true; config: PortalConfig } | { ok: false; problems: string[] };

type Json = JsonObject;

/** The default for `realmTimeoutSeconds`: Keycloak answers in well under a second when it answers. */
export const REALM_TIMEOUT_SECONDS = 15;

/**
 * Validates config.json once, at start-up, and lists every problem at once (not just the first),
 * so whoever edits the file fixes it in one go.
 */
export function readConfig(raw: unknown): ReadConfigResult {
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);

  if (!isJsonObject(raw)) return { ok: false, problems: ['config.json: must be a JSON object'] };

  const text = (obj: Json, key: string, path: string, fallback?: string): string => {
    const value = obj[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'string' || value.trim() === '') {
      problem(`${path}.${key}`, value === undefined ? 'is missing' : 'must be a non-empty string');
      return '';
    }
    return value.trim();
  };

  const url = (obj: Json, key: string, path: string): string => {
    const value = text(obj, key, path);
    if (value === '') return '';
    const parsed = URL.parse(value);
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
      problem(`${path}.${key}`, `"${value}" is not an absolute http(s) URL`);
    } else if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
      problem(`${path}.${key}`, `"${value}" must use https: (http: is only allowed for 127.0.0.1/localhost)`);
    } else if (parsed.username || parsed.password) {
      problem(`${path}.${key}`, 'must not contain credentials');
    }
    return value.replace(/\/+$/, '');
  };

  const readApi = (value: unknown, path: string): ApiConfig => {
    if (!isJsonObject(value)) {
      problem(path, value === undefined ? 'is missing' : 'must be an object');
      return {
        baseUrl: '',
        allowedOrigins: [],
        requiredRole: '',
        clockLeewaySeconds: DEFAULT_LEEWAY_SECONDS,
      };
    }
    const baseUrl = url(value, 'baseUrl', path);
    const origins = (key: 'allowedOrigins' | 'confirmOrigins'): string[] => {
      const raw = value[key];
      if (raw !== undefined && !Array.isArray(raw)) {
        problem(`${path}.${key}`, 'must be a list of origins');
        return [];
      }
      return (raw ?? []).flatMap((origin: unknown, i: number) => {
        const parsed = typeof origin === 'string' ? URL.parse(origin) : null;
        if (parsed && parsed.origin !== 'null') return [parsed.origin];
        problem(`${path}.${key}[${i}]`, 'must be an origin');
        return [];
      });
    };
    let allowedOrigins = origins('allowedOrigins');
    const confirmOrigins = origins('confirmOrigins');
    const baseOrigin = URL.parse(baseUrl)?.origin;
    if (baseOrigin && !allowedOrigins.includes(baseOrigin)) allowedOrigins = [baseOrigin, ...allowedOrigins];
    const audience = value.audience;
    if (audience !== undefined && typeof audience !== 'string')
      problem(`${path}.audience`, 'must be a string');
    const leeway = value.clockLeewaySeconds ?? DEFAULT_LEEWAY_SECONDS;
    if (typeof leeway !== 'number' || !Number.isInteger(leeway) || leeway < 0 || leeway > 3600) {
      problem(`${path}.clockLeewaySeconds`, 'must be a whole number of seconds from 0 to 3600');
    }
    return {
      baseUrl,
      allowedOrigins,
      clockLeewaySeconds: typeof leeway === 'number' ? leeway : DEFAULT_LEEWAY_SECONDS,
      requiredRole: text(value, 'requiredRole', path, 'therapist'),
      ...(confirmOrigins.length > 0 ? { confirmOrigins } : {}),
      ...(typeof audience === 'string' && audience ? { audience } : {}),
    };
  };

  const readPresets = (value: unknown, path: string): EndpointPreset[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problem(path, 'must be a list');
      return [];
    }
    return value.flatMap((item, i): EndpointPreset[] => {
      const at = `${path}[${i}]`;
      if (!isJsonObject(item)) {
        problem(at, 'must be an object');
        return [];
      }
      const method = text(item, 'method', at, 'GET').toUpperCase();
      if (!(METHODS as readonly string[]).includes(method))
        problem(`${at}.method`, `must be one of ${METHODS.join(', ')}`);
      const preset: EndpointPreset = { name: text(item, 'name', at), method, path: text(item, 'path', at) };
      if (typeof item.body === 'string') preset.body = item.body;
      if (typeof item.requiredRole === 'string') preset.requiredRole = item.requiredRole;
      return [preset];
    });
  };

  const readEnvironment = (value: unknown, i: number): EnvironmentConfig | null => {
    if (!isJsonObject(value)) {
      problem(`environments[${i}]`, 'must be an object');
      return null;
    }
    // Named by its id, as people know it; by position only while it has no usable id.
    const usableId = typeof value.id === 'string' && /^[a-z0-9-]+$/.test(value.id);
    const path = usableId ? `environment "${value.id}"` : `environments[${i}]`;
    const id = text(value, 'id', path);
    if (id && !usableId) problem(`${path}.id`, 'use lower-case letters, digits and dashes');
    const tokenStore = value.tokenStore ?? 'session';
    if (tokenStore !== 'session' && tokenStore !== 'memory') {
      problem(`${path}.tokenStore`, 'must be "session" or "memory"');
    }
    const timeout = value.realmTimeoutSeconds ?? REALM_TIMEOUT_SECONDS;
    if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 1 || timeout > 300) {
      problem(`${path}.realmTimeoutSeconds`, 'must be a number of seconds from 1 to 300');
    }
    const redirectUri = text(value, 'redirectUri', path, `/callback/${id}`);
    if (!redirectUri.startsWith('/') && !URL.parse(redirectUri)) {
      problem(`${path}.redirectUri`, 'must be an absolute URL or a path starting with /');
    }
    return {
      id,
      label: text(value, 'label', path, id),
      production: value.production === true,
      authority: url(value, 'authority', path),
      clientId: text(value, 'clientId', path),
      redirectUri,
      scope: text(value, 'scope', path, 'openid profile email'),
      api: readApi(value.api, `${path}.api`),
      presets: readPresets(value.presets, `${path}.presets`),
      tokenStore: tokenStore === 'memory' ? 'memory' : 'session',
      realmTimeoutSeconds: typeof timeout === 'number' ? timeout : REALM_TIMEOUT_SECONDS,
    };
  };

  const rawEnvironments = raw.environments;
  const environments: EnvironmentConfig[] = [];
  if (!Array.isArray(rawEnvironments) || rawEnvironments.length === 0) {
    problem('environments', 'must list at least one environment');
  } else {
    rawEnvironments.forEach((value, i) => {
      const environment = readEnvironment(value, i);
      if (!environment) return;
      if (environment.id && environments.some((e) => e.id === environment.id)) {
        problem(`environments[${i}].id`, `"${environment.id}" is used twice`);
      }
      environments.push(environment);
    });
  }

  const defaultEnvironment = text(raw, 'defaultEnvironment', 'config', environments[0]?.id ?? '');
  if (
    defaultEnvironment &&
    environments.length > 0 &&
    !environments.some((e) => e.id === defaultEnvironment)
  ) {
    problem('config.defaultEnvironment', `"${defaultEnvironment}" is not the id of an environment`);
  }
  const adminEmail = raw.adminEmail;
  if (adminEmail !== undefined && (typeof adminEmail !== 'string' || !adminEmail.includes('@'))) {
    problem('config.adminEmail', 'must be an e-mail address');
  }

  // CSP report-uri (CSP 3 §6.5): a path on the portal's origin, or a URL under the same rules as the
  // others. Quotes, semicolons or spaces would end the directive and open another in the header.
  const cspReportUri = raw.cspReportUri;
  if (typeof cspReportUri === 'string' && !/[\s;,'"]/.test(cspReportUri)) {
    if (!/^\/(?!\/)/.test(cspReportUri)) url(raw, 'cspReportUri', 'config');
  } else if (cspReportUri !== undefined) {
    problem('config.cspReportUri', 'must be a URL or a path, without spaces, quotes, commas or semicolons');
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      defaultEnvironment,
      environments,
      ...(typeof adminEmail === 'string' ? { adminEmail } : {}),
      ...(typeof cspReportUri === 'string' ? { cspReportUri } : {}),
    },
  };
}
