import { freePort } from '../../devstack/freePort.ts';
import { embeddedRealm, runningKeycloakRealm } from '../../devstack/realms.ts';
import {
  createStack,
  type Stack as LocalStack,
  type StackOptions as LocalStackOptions,
  type PortalSpec,
} from '../../devstack/stack.ts';
import { testDist } from './buildPortal.ts';
import { type IdpKind, runningKeycloak, testIdp } from './idpUnderTest.ts';

export interface Stack extends LocalStack {
  /** Which IdP this run tests against: the embedded oidc-provider or a real Keycloak. */
  idp: IdpKind;
}

export interface StackOptions
  extends Pick<
    LocalStackOptions,
    | 'accessTokenTtl'
    | 'refreshTokenTtl'
    | 'editConfig'
    | 'extraConnectOrigins'
    | 'extraRedirectPaths'
    | 'apiAudience'
  > {
  /** The built portal to serve (default: the browser tests' build). */
  root?: string;
  /** Serve the portal from the Vite dev server instead (React's StrictMode double effects on). */
  devServer?: boolean;
  /** Which IdP (default: the one this test run is for, see idpUnderTest.ts). */
  idp?: IdpKind;
  /** More built apps served on their own origins, registered like the portal (the bench's bare app). */
  extraPortals?: Array<{ root: string }>;
  /** The portal is served by someone else at this origin (a real nginx), reading stack.configText(). */
  externalPortal?: string;
}

/**
 * The local stack as the tests and the bench use it (devstack/stack.ts, the same factory as npm
 * start): the production build served statically, and the embedded IdP or this run's Keycloak
 * (started once by tests/support/keycloakServer.ts), on free ports of 127.0.0.1.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const { root, devServer, idp = testIdp(), extraPortals = [], externalPortal, ...rest } = options;
  const portals: PortalSpec[] = [
    externalPortal
      ? { kind: 'external', url: externalPortal }
      : devServer
        ? { kind: 'dev', port: await freePort() }
        : { kind: 'static', root: root ?? testDist() },
    ...extraPortals.map((portal) => ({ kind: 'static' as const, root: portal.root })),
  ];
  const stack = await createStack({
    ...rest,
    realm: idp === 'keycloak' ? runningKeycloakRealm(runningKeycloak()) : embeddedRealm(),
    portals,
  });
  return { ...stack, idp };
}
