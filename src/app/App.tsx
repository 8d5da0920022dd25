import { useEffect, useMemo, useState } from 'react';
import { AuthProvider } from 'react-oidc-context';
import { cleanCallbackAddress, isCallbackFor } from '../auth/callbackUrl.ts';
import { createUserManager } from '../auth/createUserManager.ts';
import { useRecheckOnRestore } from '../auth/useRecheckOnRestore.ts';
import { useStateOnlyCallback } from '../auth/useStateOnlyCallback.ts';
import { savedEnvironment, saveEnvironment } from '../config/environmentPreference.ts';
import type { PortalConfig } from '../config/types.ts';
import { type EnvironmentSwitch, EnvironmentSwitchContext } from '../config/useEnvironmentSwitch.ts';
import { chooseEnvironment } from './chooseEnvironment.ts';
import { Shell } from './Shell.tsx';

interface AppProps {
  config: PortalConfig;
}

const TITLE = 'Abrumet API debug portal';

/**
 * A deep link (`?env=acceptance`) is read once, then removed: the choice is saved like any other,
 * so a reload stays there, and the address bar never contradicts the switch in the header.
 */
const dropEnvParam = () => {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('env')) return;
  url.searchParams.delete('env');
  window.history.replaceState(window.history.state, '', url);
};

export function App({ config }: AppProps) {
  const [environment, setEnvironment] = useState(() =>
    chooseEnvironment(config, window.location, savedEnvironment()),
  );
  // One UserManager per realm, each with its own storage prefix and callback path, so switching
  // back finds the other realm's sign-in where it was left.
  const userManager = useMemo(() => createUserManager(environment, window.location.origin), [environment]);
  useRecheckOnRestore(userManager);
  const cutCallback = useStateOnlyCallback(userManager, environment);
  // A realm left behind must not keep refreshing tokens in the background.
  useEffect(() => () => userManager.stopSilentRenew(), [userManager]);
  useEffect(dropEnvParam, []);
  useEffect(() => saveEnvironment(environment.id), [environment.id]);
  useEffect(() => {
    // On <html>, so even the crash page (outside App) shows production (app.css).
    document.documentElement.toggleAttribute('data-production', environment.production);
    document.title = environment.production ? `PRODUCTION · ${TITLE}` : `${environment.label} · ${TITLE}`;
  }, [environment]);

  const environmentSwitch = useMemo<EnvironmentSwitch>(
    () => ({
      environments: config.environments,
      current: environment,
      switchTo: (id) => {
        const next = config.environments.find((candidate) => candidate.id === id);
        if (next) setEnvironment(next);
      },
    }),
    [config, environment],
  );

  return (
    <EnvironmentSwitchContext.Provider value={environmentSwitch}>
      <AuthProvider
        key={environment.id}
        userManager={userManager}
        onSigninCallback={cleanCallbackAddress}
        skipSigninCallback={!isCallbackFor(environment, window.location)}
      >
        <Shell
          config={config}
          environment={environment}
          callbackFailure={cutCallback}
          userManager={userManager}
        />
      </AuthProvider>
    </EnvironmentSwitchContext.Provider>
  );
}
