import { useAuth } from 'react-oidc-context';
import { Callout } from '../ui/Callout.tsx';
import type { RefreshFailure } from './session/refreshFailure.ts';

/**
 * The end of the road for this session: the realm refused the refresh token (RFC 6749 §5.2
 * invalid_grant), so no token of it can be renewed. Nothing else to do but sign in again.
 */
export function SessionEnded({ failure }: { failure: RefreshFailure }) {
  const auth = useAuth();
  return (
    <Callout explanation={failure} heading="h2" role="alert">
      <p>
        The realm ends a session when you sign out elsewhere, when an admin ends it, or when it stays idle
        longer than the realm allows. The tokens this tab still holds cannot be renewed.
      </p>
      <button type="button" className="button button--primary" onClick={() => void auth.signinRedirect()}>
        Sign in
      </button>
    </Callout>
  );
}
