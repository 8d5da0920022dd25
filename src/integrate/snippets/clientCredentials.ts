import { shellQuote, toCurl } from '../../shared/bearer/toCurl.ts';
import { apiExampleUrl, type GuideInput, type Snippet } from './snippet.ts';

/** The API call of the shell snippets: the portal's own curl, with the token as `$TOKEN`. */
export const apiCall = (input: GuideInput) =>
  toCurl({
    method: 'GET',
    url: apiExampleUrl(input.environment),
    headers: [['Authorization', 'Bearer $TOKEN']],
  });

/**
 * Client credentials (RFC 6749 §4.4) in sh with curl and jq: a token for the client itself, then
 * one API call with it. The secret is read from `$CLIENT_SECRET`, never written into the script.
 */
export function clientCredentialsScript(input: GuideInput): Snippet {
  const { clientId, endpoints, environment } = input;
  const where = `Keycloak: Clients → ${clientId} → Credentials`;
  const code = `#!/bin/sh
# Client credentials (RFC 6749 §4.4): ${clientId} gets a token as itself and calls the API.
# ${environment.label}: realm ${endpoints.issuer}
# Needs curl and jq. The secret comes from the environment, never from this file:
#   export CLIENT_SECRET='…'   (${where})
set -eu
CLIENT_ID=${shellQuote(clientId)}
TOKEN_ENDPOINT=${shellQuote(endpoints.urls.token_endpoint)}
: "\${CLIENT_SECRET:?Set CLIENT_SECRET to the secret of $CLIENT_ID (${where})}"

# 1. A token for the client itself, authenticated with its secret (HTTP Basic).
RESPONSE=$(curl --silent --show-error --user "$CLIENT_ID:$CLIENT_SECRET" \\
  --data grant_type=client_credentials "$TOKEN_ENDPOINT")
TOKEN=$(printf '%s' "$RESPONSE" | jq -r '.access_token // empty')
if [ -z "$TOKEN" ]; then
  echo "The realm refused: $RESPONSE" >&2
  exit 1
fi
# No refresh token in this flow: ask again when this one expires.
echo "Got a token for $CLIENT_ID, valid for $(printf '%s' "$RESPONSE" | jq -r .expires_in) s." >&2

# 2. Call the API with it (never put the token in a URL or a log).
${apiCall(input)}
`;
  return {
    id: 'client-credentials',
    title: 'curl: client credentials',
    language: 'sh',
    code,
    run: `Save as token.sh, then: CLIENT_SECRET='…' sh token.sh. It prints the API's answer.`,
  };
}
