/** A ready-made request QA can pick instead of typing (the request pane's presets). */
export interface EndpointPreset {
  name: string;
  method: string;
  path: string;
  body?: string;
  requiredRole?: string;
}

export interface ApiConfig {
  /** Relative request URLs resolve against this. */
  baseUrl: string;
  /** Origins the bearer may be sent to without asking (compared as parsed origins). */
  allowedOrigins: string[];
  /**
   * Origins the bearer may go to after the user confirms each one: the portal's CSP (connect-src,
   * generated from config.json) allows them, so a confirmed send can leave. Any other origin is
   * blocked by that CSP, and the portal says so.
   */
  confirmOrigins?: string[];
  /** Realm role the API requires, e.g. `therapist`. */
  requiredRole: string;
  /** Expected `aud` of access tokens, when the realm sets one. */
  audience?: string;
  /**
   * How long after `exp` the API still accepts a token (its clock leeway). Default 60 s, Spring
   * Security's (JwtTimestampValidator): "Send when it expires" waits past it, and a 200 inside it
   * is the API's leeway, not a defect. readConfig always sets it; fixtures may leave it out.
   */
  clockLeewaySeconds?: number;
}

export interface EnvironmentConfig {
  id: string;
  label: string;
  /** Production gets unmistakable styling and confirmations for mutating requests. */
  production: boolean;
  /** Realm URL, e.g. `https://{domain}/auth/realms/abrumet`; also the expected token issuer. */
  authority: string;
  clientId: string;
  /** Absolute, or a path resolved against the portal's own origin (e.g. `/callback/local`). */
  redirectUri: string;
  scope: string;
  api: ApiConfig;
  presets: EndpointPreset[];
  /** Where oidc-client-ts keeps this tab's tokens: sessionStorage (survives reload) or memory. */
  tokenStore: 'session' | 'memory';
  /** How long a call to the realm (discovery, code exchange, refresh) may take before it is reported. */
  realmTimeoutSeconds: number;
}

export interface PortalConfig {
  defaultEnvironment: string;
  /** Realm admin who registers clients (the registration form drafts a mail to it). */
  adminEmail?: string;
  environments: EnvironmentConfig[];
  /**
   * Where browsers send Content-Security-Policy violation reports (`report-uri`). Read by whatever
   * serves the portal (deploy/nginxHeaders.ts, the local stack), validated here with the rest.
   */
  cspReportUri?: string;
}
