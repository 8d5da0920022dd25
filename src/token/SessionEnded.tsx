import { useAuth } from 'react-oidc-context';
import { Callout } from '../ui/Callout.tsx';
import { type AccessInHand, describeRefreshError } from './session/refreshFailure.ts';

/**
 * The end of the road for this session: the realm refused the refresh token (RFC 6749 §5.2
 * invalid_grant), or answered with another user's tokens. No token of it can be renewed: which
 * ending it is, what the access token in hand can still do, and the way back.
 */
export function SessionEnded({ error, inHand }: { error: unknown; inHand?: AccessInHand | undefined }) {
  const auth = useAuth();
  const failure = describeRefreshError(error, inHand);
  return (
    <Callout explanation={failure} heading="h2" role="alert" testId="session-ended">
      <button type="button" className="button button--primary" onClick={() => void auth.signinRedirect()}>
        Sign in again
      </button>
    </Callout>
  );
}
