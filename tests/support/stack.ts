import { createApi } from '../../devstack/api.ts';
import { createIdp } from '../../devstack/idp.ts';
import { localConfig } from '../../devstack/localConfig.ts';
import { createPortal } from '../../devstack/portal.ts';
import { testDist } from './buildPortal.ts';

export interface Stack {
  portalUrl: string;
  issuer: string;
  apiUrl: string;
  close(): Promise<void>;
}

export interface StackOptions {
  accessTokenTtl?: number;
  /** Rewrites the served config.json (e.g. a misconfigured realm). */
  editConfig?: (config: Record<string, unknown>) => Record<string, unknown>;
  extraConnectOrigins?: string[];
  /** Callback paths the local client accepts besides /callback/local (e.g. a second environment). */
  extraRedirectPaths?: string[];
  /** The built portal to serve (default: the browser tests' build). */
  root?: string;
  /** The `aud` the demo API insists on (default: the one the realm puts in tokens, abrumet-api). */
  apiAudience?: string;
}

/** The real devstack and the built portal on free ports of 127.0.0.1, as `npm start` wires them. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  let urls = { issuer: '', apiUrl: '' };
  const portal = await createPortal({
    root: options.root ?? testDist(),
    config: () => (options.editConfig ?? ((c) => c))(localConfig(urls)),
    extraConnectOrigins: options.extraConnectOrigins ?? [],
  });
  const idp = await createIdp({
    portalOrigins: [portal.url],
    redirectUris: ['/callback/local', ...(options.extraRedirectPaths ?? [])].map(
      (path) => `${portal.url}${path}`,
    ),
    postLogoutRedirectUris: [`${portal.url}/`],
    ...(options.accessTokenTtl ? { accessTokenTtl: options.accessTokenTtl } : {}),
  });
  const api = await createApi({
    issuer: idp.issuer,
    allowedOrigins: [portal.url],
    ...(options.apiAudience ? { audience: options.apiAudience } : {}),
  });
  urls = { issuer: idp.issuer, apiUrl: api.url };
  return {
    portalUrl: portal.url,
    issuer: idp.issuer,
    apiUrl: api.url,
    close: async () => {
      await Promise.all([portal.close(), api.close(), idp.close()]);
    },
  };
}
