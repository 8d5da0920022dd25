import { useMemo } from 'react';
import { AuthProvider } from 'react-oidc-context';
import { createUserManager } from '../auth/createUserManager.ts';
import { isCallbackFor } from '../auth/isCallbackFor.ts';
import type { PortalConfig } from '../config/types.ts';
import { chooseEnvironment } from './chooseEnvironment.ts';
import { Shell } from './Shell.tsx';

interface AppProps {
  config: PortalConfig;
}

/** After a successful callback, drop `code` and `state` from the address bar and from history. */
const cleanCallbackUrl = () => window.history.replaceState(null, '', '/');

export function App({ config }: AppProps) {
  const environment = useMemo(() => chooseEnvironment(config, window.location, null), [config]);
  const userManager = useMemo(() => createUserManager(environment, window.location.origin), [environment]);
  return (
    <AuthProvider
      key={environment.id}
      userManager={userManager}
      onSigninCallback={cleanCallbackUrl}
      skipSigninCallback={!isCallbackFor(environment, window.location)}
    >
      <Shell config={config} environment={environment} />
    </AuthProvider>
  );
}
