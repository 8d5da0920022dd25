/**
 * The error oidc-client-ts or the portal threw, out of react-oidc-context's wrapper: its hooks keep
 * the original as `innerError` (auth.error), while a direct call to the manager throws it as is.
 */
export const innerError = (error: unknown): unknown =>
  (error as { innerError?: unknown } | null)?.innerError ?? error;
