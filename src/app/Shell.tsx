import { Suspense, useCallback, useMemo, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { callbackErrorOf, isCallbackFor } from '../auth/callbackUrl.ts';
import { storesUserFor } from '../auth/expectsSignedInPage.ts';
import type { PortalUserManager } from '../auth/PortalUserManager.ts';
import { SignInPanel } from '../auth/SignInPanel.tsx';
import { useAbandonedSignIn } from '../auth/useAbandonedSignIn.ts';
import { useCallbackCleanup } from '../auth/useCallbackCleanup.ts';
import { useSignInAgain } from '../auth/useSignInAgain.ts';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import type { Failure } from '../shared/explanation.ts';
import { isRefreshError } from '../shared/refreshEnding.ts';
import { ServerTimeProvider } from '../shared/serverTime.tsx';
import type { Identity } from '../shared/token/identity.ts';
import { useDuplicateTabGuard } from '../token/session/useDuplicateTabGuard.ts';
import { useTokenModel } from '../token/session/useTokenModel.ts';
import { Callout } from '../ui/Callout.tsx';
import { Header } from './Header.tsx';
import { lazyNamed } from './lazyNamed.ts';
import { SectionNav } from './SectionNav.tsx';
import type { RealmCheck } from './SignedOutView.tsx';
import { belowTheCard, tokenCard, useChunk } from './signedInViews.ts';
import { useAfterPaint } from './useAfterPaint.ts';

const RealmSection = lazyNamed(() => import('../realm/RealmSection.tsx'), 'RealmSection');
// Developers open it now and then: its guide and code stay out of the first load.
const IntegrateSection = lazyNamed(() => import('../integrate/IntegrateSection.tsx'), 'IntegrateSection');
const LoginErrorHelp = lazyNamed(() => import('../realm/LoginErrorHelp.tsx'), 'LoginErrorHelp');
const SignedOutView = lazyNamed(() => import('./SignedOutView.tsx'), 'SignedOutView');
// Only a failed sign-in shows it: its explanations stay out of the first load.
const AuthErrorPanel = lazyNamed(() => import('../auth/AuthErrorPanel.tsx'), 'AuthErrorPanel');
// Pasted tokens: a tool for now and then, kept out of the first load.
const InspectTokenSection = lazyNamed(
  () => import('../token/InspectTokenSection.tsx'),
  'InspectTokenSection',
);
// Only QA comparing users adds identities: the popup sign-in stays out of the first load.
const SessionEnded = lazyNamed(() => import('../token/SessionEnded.tsx'), 'SessionEnded');

const DUPLICATED_TAB: Failure<'duplicated-tab'> = {
  kind: 'duplicated-tab',
  tone: 'warn',
  title: 'This tab was opened as a copy of another one',
  detail:
    "Tokens stay per tab, so the copied session was dropped here: two tabs sharing one refresh token would end each other's session.",
  next: 'Sign in again in this tab (the realm still knows you, so it will not ask for your password).',
};

interface ShellProps {
  config: PortalConfig;
  environment: EnvironmentConfig;
  /** A callback react-oidc-context leaves alone (a state without code), as processed (useStateOnlyCallback). */
  callbackFailure?: unknown;
  /** The realm's UserManager, for signing in again in a pop-up without leaving the page. */
  userManager: PortalUserManager;
}

/** The only place where features meet: auth decides what shows, token and request read the user. */
export function Shell({ config, environment, callbackFailure, userManager }: ShellProps) {
  const auth = useAuth();
  useCallbackCleanup(environment, auth.error);
  const [cameFromCallback] = useState(() => isCallbackFor(environment, window.location));
  // Read before the URL is cleaned: the realm's own error survives a stale state.
  const [callbackError] = useState(() => (cameFromCallback ? callbackErrorOf(window.location) : undefined));
  const model = useTokenModel(auth, environment, cameFromCallback);
  const { session, tokens, clock, refresh, refreshError, ended, inHand, lastRefresh } = model;
  const signInAgain = useSignInAgain(userManager, auth.user);
  const { removeUser } = auth;
  const duplicated = useDuplicateTabGuard(useCallback(() => void removeUser(), [removeUser]));
  const user = auth.user;
  // Other users signed in beside the tab's own (memory only), for the authorization matrix.
  const [identities, setIdentities] = useState<Identity[]>([]);
  // What the realm's discovery says against signing in, once SignedOutView has loaded.
  const [realmCheck, setRealmCheck] = useState<RealmCheck | null>(null);
  // Refresh failures are explained next to the Refresh button, not here.
  const signInError =
    (auth.error && !isRefreshError(auth.error) ? auth.error : null) ?? callbackFailure ?? null;
  // When the failure reached this page, for the realm admin's event search.
  const failedAt = useMemo(() => (signInError ? new Date() : undefined), [signInError]);
  // No stored user and no callback: signed out for sure, so Sign in shows in the first frame. A stored
  // user is read in a moment: the first frame is then the token, not a "Checking your sign-in…" one
  // that the token must wait behind (only a callback's code exchange says it).
  const [storedUser] = useState(() => storesUserFor(environment.id, window.sessionStorage));
  const checking = auth.isLoading && !user && (cameFromCallback || storedUser);
  const signedOut = !checking && !user;
  const card = useChunk(tokenCard, Boolean(user && tokens));
  const below = useChunk(belowTheCard, Boolean(user && tokens));
  // The token card first; below it, the rest once the token is on screen (useAfterPaint).
  const painted = useAfterPaint(!checking, user && tokens ? 'decoded-token' : 'sign-in');
  const otherEnvironments = useMemo(
    () => config.environments.filter((other) => other.id !== environment.id),
    [config, environment],
  );
  const { abandoned, dismiss } = useAbandonedSignIn(
    auth.settings.stateStore,
    signedOut && !cameFromCallback && !signInError,
  );

  if (checking && !cameFromCallback) return null;
  return (
    <div className={environment.production ? 'app-frame app-frame--production' : 'app-frame'}>
      <Header environment={environment} />
      <ServerTimeProvider clock={clock}>
        <main className="app-page">
          {signInError && (
            <Suspense fallback={<p className="muted">Signing in failed…</p>}>
              <AuthErrorPanel
                error={signInError}
                callbackError={callbackError}
                renderHelp={(explained) => (
                  <Suspense fallback={null}>
                    <LoginErrorHelp
                      environment={environment}
                      code={explained.code}
                      description={explained.description}
                      when={failedAt && { failedAt }}
                      open
                    />
                  </Suspense>
                )}
              />
            </Suspense>
          )}
          {duplicated && <Callout explanation={DUPLICATED_TAB} role="status" />}
          {checking ? (
            <p className="muted" role="status">
              Checking your sign-in…
            </p>
          ) : ended && !user ? (
            // Signed out by the refresh itself (another user's tokens): why, and the way back.
            <Suspense fallback={null}>
              <SessionEnded error={refreshError} signInAgain={signInAgain} />
            </Suspense>
          ) : user && tokens ? (
            card.kind === 'ready' ? (
              <>
                <SectionNav />
                {ended && (
                  <Suspense fallback={null}>
                    <SessionEnded
                      error={refreshError}
                      inHand={inHand}
                      replaced={model.replaced}
                      signInAgain={signInAgain}
                    />
                  </Suspense>
                )}
                <div id="token-view" className="app-section">
                  <card.views.TokenPanel
                    user={user}
                    environment={environment}
                    session={session}
                    tokens={tokens}
                    refresh={refresh}
                    refreshError={refreshError}
                    inHand={inHand}
                    ended={ended}
                    lastRefresh={lastRefresh}
                  />
                </div>
                {painted &&
                  (below.kind === 'ready' ? (
                    <>
                      <div id="identities-view" className="app-section">
                        <below.views.IdentitiesPanel
                          environment={environment}
                          tab={model.tabSession}
                          onChange={setIdentities}
                          onSignIn={model.recordIdentitySignIn}
                        />
                      </div>
                      <div id="request-view" className="app-section">
                        <below.views.RequestPane
                          environment={environment}
                          otherEnvironments={otherEnvironments}
                          tokens={tokens}
                          identities={identities}
                        />
                      </div>
                    </>
                  ) : below.kind === 'failed' ? (
                    <ViewsNotLoaded message={below.message} />
                  ) : null)}
              </>
            ) : card.kind === 'failed' ? (
              <ViewsNotLoaded message={card.message} />
            ) : (
              <p className="muted" role="status">
                Loading the token view…
              </p>
            )
          ) : (
            <>
              <Suspense fallback={null}>
                <SignedOutView
                  environment={environment}
                  abandoned={abandoned}
                  onDismissAbandoned={dismiss}
                  onRealmCheck={setRealmCheck}
                />
              </Suspense>
              <SignInPanel
                environment={environment}
                realmProblem={realmCheck?.problem}
                blocked={realmCheck?.blocked ?? false}
              />
            </>
          )}
          {painted && (
            <Suspense fallback={null}>
              <div id="inspect-view" className="app-section">
                <InspectTokenSection environment={environment} environments={config.environments} />
              </div>
            </Suspense>
          )}
          {painted && (
            <Suspense fallback={null}>
              <div id="realm-view" className="app-section">
                <RealmSection
                  config={config}
                  environment={environment}
                  access={tokens?.access}
                  loginHelp={!signInError && !abandoned}
                />
              </div>
            </Suspense>
          )}
          {painted && (
            <Suspense fallback={null}>
              <div id="integrate-view" className="app-section">
                <IntegrateSection config={config} environment={environment} />
              </div>
            </Suspense>
          )}
        </main>
      </ServerTimeProvider>
    </div>
  );
}

/** A chunk of the signed-in page that did not load: what happened and what to do. */
function ViewsNotLoaded({ message }: { message: string }) {
  return (
    <Callout
      role="alert"
      explanation={{
        kind: 'views-not-loaded',
        tone: 'bad',
        title: message,
        next: 'Check the network, then reload the page.',
      }}
    />
  );
}
