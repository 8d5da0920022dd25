import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import cors from 'cors';
import express from 'express';
import { auth, claimCheck } from 'express-oauth2-jwt-bearer';
import { patientStore } from '../api/patientStore.ts';
import { listen } from '../listen.ts';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_REQUIRED_ROLE,
  type ResourceServer,
  type ResourceServerOptions,
} from './resourceServer.ts';

const libraryVersion: string = createRequire(import.meta.url)(
  'express-oauth2-jwt-bearer/package.json',
).version;

function realmRoles(claims: Record<string, unknown>): unknown[] {
  const roles = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles) ? roles : [];
}

/**
 * An Express 5 API protected by Auth0's express-oauth2-jwt-bearer, configured as its README shows
 * and answering errors with Express's own default handler (finalhandler): no error middleware of
 * ours, so a refusal is the library's status and WWW-Authenticate with Express's HTML error page.
 *
 * - The app's env is 'production', as a deployed API runs: the HTML body is then the status text
 *   ("Unauthorized"), where in development finalhandler would print the error's stack.
 * - issuerBaseURL does discovery over http: the library only refuses http issuers in its
 *   multiple-issuer (mcd) mode and only when process.env.NODE_ENV is 'production'.
 * - /api/v1/patients uses the library's claimCheck; a token without the role is refused with the
 *   library's 401 invalid_token (claim checks never answer 403; only requiredScopes does).
 */
export async function createExpressApi(options: ResourceServerOptions): Promise<ResourceServer> {
  const {
    issuer,
    allowedOrigins,
    audience = DEFAULT_AUDIENCE,
    requiredRole = DEFAULT_REQUIRED_ROLE,
    clockLeewaySeconds,
    port = 0,
  } = options;
  const patients = patientStore();
  const app = express();
  app.set('env', 'production');
  app.disable('x-powered-by');
  app.use(
    cors({
      origin: allowedOrigins,
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['WWW-Authenticate'],
    }),
  );
  app.use(
    auth({
      issuerBaseURL: issuer,
      audience,
      ...(clockLeewaySeconds === undefined ? {} : { clockTolerance: clockLeewaySeconds }),
    }),
  );
  app.get('/api/v1/me', (req, res) => {
    res.json({ username: req.auth?.payload.preferred_username });
  });
  app.get(
    '/api/v1/patients',
    claimCheck((claims) => realmRoles(claims).includes(requiredRole)),
    (_req, res) => {
      res.json(patients.list());
    },
  );
  const listening = await listen(createServer(app), port, 'Express API');
  return {
    name: `Express 5 + express-oauth2-jwt-bearer ${libraryVersion}`,
    url: listening.url,
    close: listening.close,
  };
}
