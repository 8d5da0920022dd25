import { jwtDecode } from 'jwt-decode';
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuth } from 'react-oidc-context';

/**
 * The bench's reference: the same job as the portal's first screen with only the mandated
 * libraries and nothing else (config.json, react-oidc-context sign-in and callback, the decoded
 * access token on screen). `npm run bench` builds it and times it side by side with the portal.
 */
interface Environment {
  id: string;
  authority: string;
  clientId: string;
  scope?: string;
}

const config = (await (await fetch('/config.json', { cache: 'no-store' })).json()) as {
  environments: Environment[];
};
const environment = config.environments.find((candidate) => candidate.id === 'local');
if (environment === undefined) throw new Error('config.json has no local environment');

const userManager = new UserManager({
  authority: environment.authority,
  client_id: environment.clientId,
  redirect_uri: `${window.location.origin}/callback/local`,
  response_type: 'code',
  scope: environment.scope ?? 'openid profile email',
  userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
});

// `elementtiming`: the bench times both apps by the paint the browser reports for these elements.
function Token() {
  const auth = useAuth();
  if (auth.isLoading) return h('p', null, 'Loading…');
  if (!auth.user)
    return h(
      'button',
      { type: 'button', elementtiming: 'sign-in', onClick: () => void auth.signinRedirect() },
      'Sign in',
    );
  return h(
    'pre',
    { 'data-testid': 'verdict', elementtiming: 'decoded-token' },
    JSON.stringify(jwtDecode(auth.user.access_token), null, 2),
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('no #root');
createRoot(root).render(
  h(
    AuthProvider,
    {
      userManager,
      onSigninCallback: () => window.history.replaceState(null, '', '/'),
      skipSigninCallback: window.location.pathname !== '/callback/local',
    },
    h(Token),
  ),
);
