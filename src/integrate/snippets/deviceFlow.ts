import { shellQuote } from '../../shared/bearer/toCurl.ts';
import { apiCall } from './clientCredentials.ts';
import type { GuideInput, Snippet } from './snippet.ts';

/**
 * The device authorization grant (RFC 8628) in sh with curl and jq: ask for the codes, show the user
 * where to approve, poll no faster than the realm's `interval` (5 s longer after `slow_down`), then
 * call the API with the user's token. Messages go to stderr, the API's answer to stdout.
 */
export function deviceFlowScript(input: GuideInput): Snippet {
  const { clientId, endpoints, environment } = input;
  const scope = environment.scope.split(/\s+/).includes('openid') ? environment.scope : 'openid';
  const code = `#!/bin/sh
# Device authorization grant (RFC 8628): ${clientId} signs a user in without a browser of its own.
# ${environment.label}: realm ${endpoints.issuer}
# Needs curl and jq.
set -eu
CLIENT_ID=${shellQuote(clientId)}
DEVICE_ENDPOINT=${shellQuote(endpoints.urls.device_authorization_endpoint)}
TOKEN_ENDPOINT=${shellQuote(endpoints.urls.token_endpoint)}

# 1. A device code for this tool, and a code for the user.
DEVICE=$(curl --silent --show-error --data-urlencode "client_id=$CLIENT_ID" \\
  --data-urlencode ${shellQuote(`scope=${scope}`)} "$DEVICE_ENDPOINT")
DEVICE_CODE=$(printf '%s' "$DEVICE" | jq -r '.device_code // empty')
if [ -z "$DEVICE_CODE" ]; then
  echo "The realm refused: $DEVICE" >&2
  exit 1
fi
INTERVAL=$(printf '%s' "$DEVICE" | jq -r '.interval // 5')

# 2. The user approves in any browser, on any device.
echo "Open $(printf '%s' "$DEVICE" | jq -r '.verification_uri_complete // .verification_uri')" >&2
echo "and approve the code $(printf '%s' "$DEVICE" | jq -r .user_code)." >&2

# 3. Poll the token endpoint, no faster than the realm asks (RFC 8628 §3.5).
while :; do
  sleep "$INTERVAL"
  RESPONSE=$(curl --silent --show-error \\
    --data-urlencode 'grant_type=urn:ietf:params:oauth:grant-type:device_code' \\
    --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "device_code=$DEVICE_CODE" \\
    "$TOKEN_ENDPOINT")
  case $(printf '%s' "$RESPONSE" | jq -r '.error // empty') in
    '') break ;;
    authorization_pending) echo "Waiting for the approval (authorization_pending), every $INTERVAL s…" >&2 ;;
    slow_down)
      INTERVAL=$((INTERVAL + 5))
      echo "The realm asks to slow down (slow_down): every $INTERVAL s now." >&2
      ;;
    *)
      # access_denied (the user said no), expired_token (too late: start again), …
      echo "The realm refused: $RESPONSE" >&2
      exit 1
      ;;
  esac
done
TOKEN=$(printf '%s' "$RESPONSE" | jq -r .access_token)
# The answer also holds a refresh token: keep it like a password (the OS keychain), never in a log.

# 4. Call the API as the user who approved.
${apiCall(input)}
`;
  return {
    id: 'device-flow',
    title: 'curl: device authorization',
    language: 'sh',
    code,
    run: "Save as device.sh, then: sh device.sh. Open the link it shows, sign in and approve; it prints the API's answer.",
  };
}
