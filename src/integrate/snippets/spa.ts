import { apiExampleUrl, type GuideInput, jsString, type Snippet } from './snippet.ts';

/**
 * A single-page app with oidc-client-ts: sign in with the authorization code flow and PKCE, finish
 * on the callback, then call the API with the bearer. Runs as the app's entry module (top-level
 * await), e.g. built by Vite.
 */
export function spaSnippet(input: GuideInput): Snippet {
  const { environment, clientId, redirectUri } = input;
  const callback = URL.parse(redirectUri);
  const origin = callback && callback.origin !== 'null' ? callback.origin : '';
  const code = `// A single-page app with oidc-client-ts (npm install oidc-client-ts): authorization code + PKCE.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

const userManager = new UserManager({
  authority: ${jsString(environment.authority)}, // ${environment.label}; its discovery gives the endpoints
  client_id: ${jsString(clientId)},
  redirect_uri: ${jsString(redirectUri)},
  post_logout_redirect_uri: ${jsString(`${origin}/`)},
  scope: ${jsString(environment.scope)},
  // response_type "code" with PKCE S256 is the default. Tokens stay in this tab, never in localStorage.
  userStore: new WebStorageStateStore({ store: window.sessionStorage }),
});

if (window.location.pathname === ${jsString(callback?.pathname ?? '/callback')}) {
  // Back from the realm: exchange the code (state and PKCE are checked), then clean the address bar.
  await userManager.signinRedirectCallback();
  window.history.replaceState(null, '', '/');
}

const user = await userManager.getUser();
if (!user || user.expired) {
  await userManager.signinRedirect(); // off to the realm's login page
} else {
  const response = await fetch(${jsString(apiExampleUrl(environment))}, {
    headers: { Authorization: \`Bearer \${user.access_token}\` },
  });
  document.body.textContent = \`The API answered \${response.status}: \${await response.text()}\`;
}
`;
  return {
    id: 'spa',
    title: 'TypeScript: oidc-client-ts',
    language: 'ts',
    code,
    run: `The app's entry module (e.g. src/main.ts of a Vite app), served at ${origin || 'the callback’s origin'}. Before any API call, the realm must list this origin in Web origins.`,
  };
}
