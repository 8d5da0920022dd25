import { Suspense } from 'react';
import { useAuth } from 'react-oidc-context';
import { AuthErrorPanel } from '../auth/AuthErrorPanel.tsx';
import { SignInPanel } from '../auth/SignInPanel.tsx';
import { useCallbackCleanup } from '../auth/useCallbackCleanup.ts';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { Header } from './Header.tsx';
import { lazyNamed } from './lazyNamed.ts';

const TokenPanel = lazyNamed(() => import('../token/TokenPanel.tsx'), 'TokenPanel');
const RequestPane = lazyNamed(() => import('../request/RequestPane.tsx'), 'RequestPane');

interface ShellProps {
  config: PortalConfig;
  environment: EnvironmentConfig;
}

/** The only place where features meet: auth decides what shows, token and request read the user. */
export function Shell({ environment }: ShellProps) {
  const auth = useAuth();
  useCallbackCleanup(environment, auth.error);
  const user = auth.user;

  return (
    <div className={environment.production ? 'app app--production' : 'app'}>
      <Header environment={environment} />
      <main className="page">
        {auth.error && <AuthErrorPanel error={auth.error} environment={environment} />}
        {auth.isLoading && !user ? (
          <p className="muted" role="status">
            Checking your sign-in…
          </p>
        ) : user ? (
          <Suspense fallback={<p className="muted">Loading the token view…</p>}>
            <TokenPanel user={user} environment={environment} />
            <RequestPane environment={environment} accessToken={user.access_token} />
          </Suspense>
        ) : (
          <SignInPanel environment={environment} />
        )}
      </main>
    </div>
  );
}
