import { apiExampleUrl, type GuideInput, jsString, type Snippet } from './snippet.ts';

/**
 * A server-side web app in Node with openid-client: the authorization code flow as a confidential
 * client with PKCE, the tokens kept in a server-side session behind an HttpOnly cookie.
 */
export function serverSnippet(input: GuideInput): Snippet {
  const { environment, clientId, redirectUri } = input;
  const callback = URL.parse(redirectUri);
  const loopback = callback?.protocol === 'http:';
  const port = loopback && callback.port ? callback.port : '3000';
  const discoveryOptions = loopback ? ', undefined, { execute: [client.allowInsecureRequests] }' : '';
  const code = `// A server-side web app in Node 20+ with openid-client (npm install openid-client): authorization
// code with a confidential client and PKCE. The browser only ever holds a session cookie.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import * as client from 'openid-client';

const REDIRECT_URI = ${jsString(redirectUri)};
const config = await client.discovery(
  new URL(${jsString(environment.authority)}), // ${environment.label}
  ${jsString(clientId)},
  process.env.CLIENT_SECRET${discoveryOptions}, // the secret from the environment, never in code
);
const sessions = new Map(); // session id → { verifier, state } while signing in, then { tokens }

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', REDIRECT_URI);
  const sid = /(?:^|; )sid=([\\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  const session = sid ? sessions.get(sid) : undefined;
  if (url.pathname === new URL(REDIRECT_URI).pathname && session?.verifier) {
    // Back from the realm: the code, the state and the PKCE verifier for the tokens.
    const tokens = await client.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: session.verifier,
      expectedState: session.state,
    });
    sessions.set(sid, { tokens }); // refresh later with client.refreshTokenGrant(config, tokens.refresh_token)
    res.writeHead(302, { Location: '/' }).end();
  } else if (session?.tokens) {
    const api = await fetch(${jsString(apiExampleUrl(environment))}, {
      headers: { Authorization: \`Bearer \${session.tokens.access_token}\` },
    });
    res.end(\`The API answered \${api.status}: \${await api.text()}\`);
  } else {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const id = randomUUID();
    sessions.set(id, { verifier, state });
    const signIn = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: ${jsString(environment.scope)},
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    res.writeHead(302, {
      Location: signIn.href,
      'Set-Cookie': \`sid=\${id}; Path=/; HttpOnly; SameSite=Lax${loopback ? '' : '; Secure'}\`,
    });
    res.end();
  }
}).listen(${port});
`;
  return {
    id: 'server-node',
    title: 'Node: openid-client',
    language: 'js',
    code,
    run: `Save as server.mjs, then: CLIENT_SECRET='…' node server.mjs${loopback ? `, and open ${callback.origin}/` : `, behind your HTTPS proxy at ${callback?.origin ?? 'the callback’s origin'}`}.`,
  };
}
