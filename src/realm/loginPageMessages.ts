/**
 * What Keycloak's own pages say when a sign-in fails before it can come back to the portal, the
 * likely cause, and the `error` the admin then sees on the LOGIN_ERROR event (Keycloak's
 * messages_en.properties and org.keycloak.events.Errors).
 */
export const LOGIN_PAGE_MESSAGES: ReadonlyArray<{ message: string; cause: string; eventError: string }> = [
  {
    message: 'Invalid username or password.',
    cause: 'A typo, the wrong realm (Acceptance and Production have different accounts), or no such user.',
    eventError: 'invalid_user_credentials or user_not_found',
  },
  {
    message: 'Account is disabled, contact your administrator.',
    cause: 'The user is disabled in this realm.',
    eventError: 'user_disabled',
  },
  {
    message: 'Account is temporarily disabled; contact your administrator or retry later.',
    cause: 'Too many failed attempts: brute-force detection locked the account for a while.',
    eventError: 'user_temporarily_disabled',
  },
  {
    message: 'Invalid parameter: redirect_uri',
    cause: "This portal's callback URL is not in the client's Valid redirect URIs.",
    eventError: 'invalid_redirect_uri',
  },
  {
    message: 'Client not found.',
    cause: 'The clientId in config.json does not exist in this realm.',
    eventError: 'client_not_found',
  },
  {
    message: 'Missing parameter: code_challenge_method',
    cause: 'The client requires a PKCE method other than the S256 the portal sends.',
    eventError: 'invalid_request',
  },
  {
    message: 'Cookie not found. Please make sure cookies are enabled in your browser.',
    cause:
      "The browser blocked the realm's cookies, or the login page was opened from an old tab or bookmark.",
    eventError: 'cookie_not_found',
  },
  {
    message: 'Your login attempt timed out. Login will start from the beginning.',
    cause: 'The login page stayed open longer than the realm allows.',
    eventError: 'expired_code',
  },
];
