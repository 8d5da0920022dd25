import { discoveryUrlOf } from '../../config/urls.ts';
import { type GuideInput, quoted, type Snippet, type ValueTable } from './snippet.ts';

/** What an AppAuth configuration needs (Android and iOS alike). */
export function appAuthValues({ environment, endpoints, clientId, redirectUri }: GuideInput): ValueTable {
  const scheme = URL.parse(redirectUri)?.protocol.slice(0, -1) ?? '';
  return {
    id: 'appauth',
    title: 'AppAuth configuration',
    rows: [
      {
        name: 'Issuer',
        value: environment.authority,
        note: `${environment.label}: AppAuth reads the rest from discovery`,
      },
      { name: 'Discovery document', value: discoveryUrlOf(environment.authority) },
      { name: 'Authorization endpoint', value: endpoints.urls.authorization_endpoint },
      { name: 'Token endpoint', value: endpoints.urls.token_endpoint },
      { name: 'Client ID', value: clientId },
      { name: 'Client secret', value: 'none', note: 'a public client: an app cannot keep a secret' },
      { name: 'Redirect URI', value: redirectUri, note: 'registered exactly so in the realm' },
      ...(scheme === 'https'
        ? [
            {
              name: 'Claimed link',
              value: redirectUri,
              note: 'App Links / Universal Links, verified for your domain',
            },
          ]
        : [
            {
              name: 'Redirect scheme',
              value: scheme,
              note: 'Android: appAuthRedirectScheme; iOS: CFBundleURLSchemes',
            },
          ]),
      { name: 'Scope', value: environment.scope },
      { name: 'Response type', value: 'code', note: 'PKCE S256 and state are AppAuth defaults' },
    ],
  };
}

/** AppAuth for Android, in Kotlin: discovery, the sign-in through Custom Tabs, the code exchange. */
export function androidSnippet({ environment, clientId, redirectUri }: GuideInput): Snippet {
  const scheme = URL.parse(redirectUri)?.protocol.slice(0, -1) ?? '';
  const code = `// build.gradle.kts: implementation("net.openid:appauth:0.11.1") and the scheme AppAuth listens on
//   android { defaultConfig { manifestPlaceholders["appAuthRedirectScheme"] = ${quoted(scheme === 'https' ? '' : scheme)} } }
val authService = AuthorizationService(context)

// Sign in: discovery, then the realm's login page in the system browser (Custom Tabs), never a WebView.
AuthorizationServiceConfiguration.fetchFromIssuer(Uri.parse(${quoted(environment.authority)})) { config, error ->
    if (config == null) return@fetchFromIssuer showError(error)
    val request = AuthorizationRequest.Builder(
        config, ${quoted(clientId)}, ResponseTypeValues.CODE, Uri.parse(${quoted(redirectUri)}),
    ).setScope(${quoted(environment.scope)}).build() // PKCE S256 and state: AppAuth's defaults
    signInLauncher.launch(authService.getAuthorizationRequestIntent(request))
}

// In the ActivityResult callback: exchange the code for tokens.
val response = AuthorizationResponse.fromIntent(data)
    ?: return showError(AuthorizationException.fromIntent(data))
authService.performTokenRequest(response.createTokenExchangeRequest()) { tokens, error ->
    // tokens?.accessToken goes into "Authorization: Bearer …"; keep the AuthState, not the password.
}
`;
  return {
    id: 'android',
    title: 'Kotlin: AppAuth for Android',
    language: 'kotlin',
    code,
    run: 'In the sign-in activity; showError and signInLauncher are yours.',
  };
}

/** AppAuth for iOS, in Swift: discovery and the sign-in through ASWebAuthenticationSession. */
export function iosSnippet({ environment, clientId, redirectUri }: GuideInput): Snippet {
  const scopes = environment.scope
    .split(/\s+/)
    .filter(Boolean)
    .map((scope) => quoted(scope))
    .join(', ');
  const code = `// Swift Package: https://github.com/openid/AppAuth-iOS; Info.plist: the redirect scheme in CFBundleURLSchemes.
let issuer = URL(string: ${quoted(environment.authority)})!
OIDAuthorizationService.discoverConfiguration(forIssuer: issuer) { configuration, error in
    guard let configuration else { return showError(error) }
    let request = OIDAuthorizationRequest(
        configuration: configuration, clientId: ${quoted(clientId)}, scopes: [${scopes}],
        redirectURL: URL(string: ${quoted(redirectUri)})!,
        responseType: OIDResponseTypeCode, additionalParameters: nil) // PKCE S256 and state by default
    // The system browser (ASWebAuthenticationSession), never a WKWebView; keep the flow until it returns.
    self.currentFlow = OIDAuthState.authState(byPresenting: request, presenting: self) { authState, error in
        // authState?.lastTokenResponse?.accessToken goes into "Authorization: Bearer …"
    }
}
`;
  return {
    id: 'ios',
    title: 'Swift: AppAuth for iOS',
    language: 'swift',
    code,
    run: 'In the view controller that signs in; showError and currentFlow are yours.',
  };
}
