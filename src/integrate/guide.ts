import type { EnvironmentConfig } from '../config/types.ts';
import { type ClientKind, clientKind } from '../shared/clientRequest/clientKinds.ts';
import type { DiscoveryView } from '../shared/discovery/describeDiscovery.ts';
import { adviceFor, type FlowAdvice } from './advice.ts';
import { type RealmEndpoints, realmEndpoints } from './realmEndpoints.ts';
import { apiCall, clientCredentialsScript } from './snippets/clientCredentials.ts';
import { deviceFlowScript } from './snippets/deviceFlow.ts';
import { androidSnippet, appAuthValues, iosSnippet } from './snippets/mobile.ts';
import {
  nodeVerifier,
  resourceServerValues,
  springProperties,
  springRoles,
} from './snippets/resourceServer.ts';
import { serverSnippet } from './snippets/server.ts';
import type { GuideInput, Snippet, ValueTable } from './snippets/snippet.ts';
import { spaSnippet } from './snippets/spa.ts';

export interface GuideRequest {
  kind: ClientKind;
  environment: EnvironmentConfig;
  /** The realm's discovery, as the page read it (null while it is being read). */
  discovery: DiscoveryView | null;
  /** What the developer typed; blank means the kind's example. */
  clientId: string;
  redirectUri: string;
}

export interface Guide {
  advice: FlowAdvice;
  endpoints: RealmEndpoints;
  /** The client ID and callback the code below uses (typed, or the kind's examples). */
  clientId: string;
  redirectUri: string;
  /** Values to copy into a library's configuration. */
  values: ValueTable[];
  /** The client's code, in the order to use it. */
  code: Snippet[];
  /** Calling the API with the token: the header, as curl. */
  bearer: Snippet;
  /** What the API team needs to validate these tokens. */
  resourceServer: { values: ValueTable; code: Snippet[] };
}

/** The code of each kind: what the issue asks for, in a common stack each. */
const CODE: Record<ClientKind, (input: GuideInput) => Snippet[]> = {
  spa: (input) => [spaSnippet(input)],
  server: (input) => [serverSnippet(input)],
  mobile: (input) => [androidSnippet(input), iosSnippet(input)],
  service: (input) => [clientCredentialsScript(input)],
  device: (input) => [deviceFlowScript(input)],
};

/**
 * Everything the guide shows for one kind of client in one environment: the advised flow, the
 * realm's endpoints (from discovery when read), and code filled in with the realm, the API and the
 * client. Secrets and tokens stay placeholders ($CLIENT_SECRET, $TOKEN, process.env).
 */
export function integrationGuide({
  kind,
  environment,
  discovery,
  clientId,
  redirectUri,
}: GuideRequest): Guide {
  const info = clientKind(kind);
  const input: GuideInput = {
    environment,
    endpoints: realmEndpoints(discovery, environment.authority),
    clientId: clientId.trim() || info.exampleClientId,
    redirectUri: info.redirect === 'none' ? '' : redirectUri.trim() || info.exampleRedirectUri,
  };
  return {
    advice: adviceFor(kind),
    endpoints: input.endpoints,
    clientId: input.clientId,
    redirectUri: input.redirectUri,
    values: kind === 'mobile' ? [appAuthValues(input)] : [],
    code: CODE[kind](input),
    bearer: {
      id: 'bearer',
      title: 'curl: calling the API',
      language: 'sh',
      code: `# Any client, once it has an access token in $TOKEN:\n${apiCall(input)}`,
      run: 'The token goes in the Authorization header only: never in a URL, a log or a ticket.',
    },
    resourceServer: {
      values: resourceServerValues(input),
      code: [nodeVerifier(input), springProperties(input), springRoles(input)],
    },
  };
}
