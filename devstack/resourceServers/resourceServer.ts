/**
 * A real resource server of another ecosystem, started beside the local realm so the request
 * pane's explanations are judged against the answers real libraries give (not only the demo API's).
 * Every one serves the same two routes with its library's own defaults for errors:
 * - GET /api/v1/me        any valid access token of the realm: 200 JSON { username }
 * - GET /api/v1/patients  also the realm role `requiredRole` (realm_access.roles): 200 JSON [...]
 * and lets the portals' origins read every answer, errors included (CORS, exposing
 * WWW-Authenticate), as an API team that serves a browser app configures it.
 */
export interface ResourceServerOptions {
  /** The realm the API trusts; its keys come from the realm (discovery or /protocol/openid-connect/certs). */
  issuer: string;
  /** The origins allowed by CORS (the portals). */
  allowedOrigins: string[];
  /** The `aud` the API requires (default `abrumet-api`, what the realm puts in access tokens). */
  audience?: string;
  /** The realm role GET /api/v1/patients requires (default `therapist`). */
  requiredRole?: string;
  /** Clock leeway on exp/nbf in seconds, where the library allows setting it (default: the library's). */
  clockLeewaySeconds?: number;
  /** 0 or absent: a free port. Always 127.0.0.1. */
  port?: number;
}

export interface ResourceServer {
  /** Who it is, for test names and the README's table, e.g. "Spring Boot 4.0.7 resource server". */
  name: string;
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_AUDIENCE = 'abrumet-api';
export const DEFAULT_REQUIRED_ROLE = 'therapist';
