import { innerError } from './innerError.ts';

/**
 * What the portal checks on the realm's answers beyond what oidc-client-ts checks itself, when a
 * check fails. The library's API is promises, so a failed check travels as a `PortalCheckError`
 * (react-oidc-context keeps it as `auth.error.innerError`); the features read the tagged value.
 * Shared because the auth feature (sign-in) and the token feature (refresh) both meet it.
 */
export type PortalCheck =
  /** OpenID Connect Discovery 1.0 §4.3: the issuer in discovery must be the configured realm. */
  | { kind: 'discovery-issuer'; configured: string; advertised: string }
  /** RFC 9207 §2.4: the callback's `iss` names another issuer, or is missing where promised. */
  | { kind: 'callback-issuer'; expected: string; received: string | null }
  /** A refresh answered with the tokens of another user than the one signed in here. */
  | { kind: 'identity-changed'; before: string; after: string }
  /** Signing the tab in again (a pop-up) brought the tokens of another user than the tab's. */
  | { kind: 'signed-in-as-another'; before: string; after: string };

function messageOf(check: PortalCheck): string {
  switch (check.kind) {
    case 'discovery-issuer':
      return `The realm's discovery names the issuer ${check.advertised}, not ${check.configured}`;
    case 'callback-issuer':
      return check.received === null
        ? `The sign-in answer carries no iss, though ${check.expected} promises one (RFC 9207)`
        : `The sign-in answer comes from ${check.received}, not from ${check.expected} (RFC 9207 iss)`;
    case 'identity-changed':
      return `The refresh answered for ${check.after}, but this tab is signed in as ${check.before}`;
    case 'signed-in-as-another':
      return `Signed in as ${check.after} in the pop-up, but this tab is signed in as ${check.before}`;
  }
}

/** A failed portal check, thrown through oidc-client-ts's promises. Its message holds no token. */
export class PortalCheckError extends Error {
  readonly check: PortalCheck;
  constructor(check: PortalCheck) {
    super(messageOf(check));
    this.name = 'PortalCheckError';
    this.check = check;
  }
}

/** The failed check behind an error (or react-oidc-context's wrapper of one), if it was ours. */
export function portalCheckOf(error: unknown): PortalCheck | undefined {
  const inner = innerError(error);
  return inner instanceof PortalCheckError ? inner.check : undefined;
}
