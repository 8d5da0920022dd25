import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { callbackErrorOf, isCallbackFor } from '../auth/callbackUrl.ts';
import { storesUserFor } from '../auth/expectsSignedInPage.ts';
import type { PortalUserManager } from '../auth/PortalUserManager.ts';
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
import { pageOf } from './page.ts';
import type { RealmCheck } from './SignedOutView.tsx';
import { CHUNKS, preloadSections } from './sections/chunks.ts';
import { Loaded } from './sections/Loaded.tsx';
import { SectionHost } from './sections/SectionHost.tsx';
import { SectionNav } from './sections/SectionNav.tsx';
import { type Mount, sectionById, sectionsFor, shownSection } from './sections/sectionTable.ts';
import { useSection } from './sections/useSection.ts';
import { useAfterPaint } from './useAfterPaint.ts';

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

/** The only place where features meet: auth decides what shows, the address which section. */
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
  const checking = Boolean(auth.isLoading && !user && (cameFromCallback || storedUser));
  const signedIn = Boolean(user && tokens);
  const sectionId = useSection();
  const shown = shownSection(sectionId, signedIn);
  // The first section first; the others load once it is on screen, so switching is instant.
  const painted = useAfterPaint(!checking, signedIn ? 'decoded-token' : 'sign-in');
  useEffect(() => {
    if (painted) preloadSections();
  }, [painted]);
  const otherEnvironments = useMemo(
    () => config.environments.filter((other) => other.id !== environment.id),
    [config, environment],
  );
  const { abandoned, dismiss } = useAbandonedSignIn(
    auth.settings.stateStore,
    !checking && !user && !cameFromCallback && !signInError,
  );

  const page = pageOf({ checking, cameFromCallback, ended, hasUser: Boolean(user), signedIn });
  if (page.kind === 'blank') return null;

  const render = (mount: Mount) => {
    switch (mount) {
      case 'token':
        return user && tokens ? (
          <Loaded chunk={CHUNKS.token} loading={<Status text="Loading the token view…" />}>
            {({ TokenPanel }) => (
              <TokenPanel
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
            )}
          </Loaded>
        ) : (
          <Loaded chunk={CHUNKS.signedOut}>
            {({ SignedOutView, SignInPanel }) => (
              <>
                <SignedOutView
                  environment={environment}
                  abandoned={abandoned}
                  onDismissAbandoned={dismiss}
                  onRealmCheck={setRealmCheck}
                />
                <SignInPanel
                  environment={environment}
                  realmProblem={realmCheck?.problem}
                  blocked={realmCheck?.blocked ?? false}
                  then={sectionId === shown.id ? undefined : sectionById(sectionId).label}
                />
              </>
            )}
          </Loaded>
        );
      case 'request':
        return (
          tokens && (
            <Loaded chunk={CHUNKS.request} loading={<Status text="Loading the request pane…" />}>
              {({ RequestPane }) => (
                <RequestPane
                  view={sectionId === 'matrix' ? 'matrix' : 'call'}
                  environment={environment}
                  otherEnvironments={otherEnvironments}
                  tokens={tokens}
                  identities={identities}
                />
              )}
            </Loaded>
          )
        );
      case 'identities':
        return (
          <Loaded chunk={CHUNKS.identities} loading={<Status text="Loading the identities…" />}>
            {({ IdentitiesPanel }) => (
              <IdentitiesPanel
                environment={environment}
                tab={model.tabSession}
                onChange={setIdentities}
                onSignIn={model.recordIdentitySignIn}
              />
            )}
          </Loaded>
        );
      case 'inspect':
        return (
          <Loaded chunk={CHUNKS.inspect} loading={<Status text="Loading Inspect…" />}>
            {({ InspectTokenSection }) => (
              <InspectTokenSection environment={environment} environments={config.environments} />
            )}
          </Loaded>
        );
      case 'realm':
        return (
          <Loaded chunk={CHUNKS.realm} loading={<Status text="Loading the realm section…" />}>
            {({ RealmSection }) => (
              <RealmSection
                config={config}
                environment={environment}
                access={tokens?.access}
                loginHelp={!signInError && !abandoned}
              />
            )}
          </Loaded>
        );
      case 'integrate':
        return (
          <Loaded chunk={CHUNKS.integrate} loading={<Status text="Loading the integration guide…" />}>
            {({ IntegrateSection }) => <IntegrateSection config={config} environment={environment} />}
          </Loaded>
        );
    }
  };

  const body = () => {
    switch (page.kind) {
      case 'checking':
        return <Status text="Checking your sign-in…" />;
      case 'ended':
        return (
          <Loaded chunk={CHUNKS.sessionEnded}>
            {({ SessionEnded }) => <SessionEnded error={refreshError} signInAgain={signInAgain} />}
          </Loaded>
        );
      case 'workspace':
        return (
          <>
            <SectionNav sections={sectionsFor(signedIn)} current={shown.id} signedIn={signedIn} />
            {ended && (
              <Loaded chunk={CHUNKS.sessionEnded}>
                {({ SessionEnded }) => (
                  <SessionEnded
                    error={refreshError}
                    inHand={inHand}
                    replaced={model.replaced}
                    signInAgain={signInAgain}
                  />
                )}
              </Loaded>
            )}
            <SectionHost key={signedIn ? 'signed-in' : 'signed-out'} shown={shown} render={render} />
          </>
        );
    }
  };

  return (
    <div className={environment.production ? 'app-frame app-frame--production' : 'app-frame'}>
      <Header environment={environment} />
      <ServerTimeProvider clock={clock}>
        <main className="app-page">
          {signInError && (
            <Loaded chunk={CHUNKS.authError} loading={<Status text="Signing in failed…" />}>
              {({ AuthErrorPanel }) => (
                <AuthErrorPanel
                  error={signInError}
                  callbackError={callbackError}
                  renderHelp={(explained) => (
                    <Loaded chunk={CHUNKS.loginErrorHelp}>
                      {({ LoginErrorHelp }) => (
                        <LoginErrorHelp
                          environment={environment}
                          code={explained.code}
                          description={explained.description}
                          when={failedAt && { failedAt }}
                          open
                        />
                      )}
                    </Loaded>
                  )}
                />
              )}
            </Loaded>
          )}
          {duplicated && <Callout explanation={DUPLICATED_TAB} role="status" />}
          {body()}
        </main>
      </ServerTimeProvider>
    </div>
  );
}

function Status({ text }: { text: string }) {
  return (
    <p className="muted" role="status">
      {text}
    </p>
  );
}
