import { useAuth } from 'react-oidc-context';
import type { Failure } from '../shared/explanation.ts';
import { Callout } from '../ui/Callout.tsx';
import { RestartLoginIcon } from '../ui/RestartLoginIcon.tsx';
import type { SessionReplaced } from './session/realmSession.ts';
import { type AccessInHand, describeRefreshError } from './session/refreshFailure.ts';

interface SessionEndedProps {
  error: unknown;
  inHand?: AccessInHand | undefined;
  /** The identity sign-in that ended the tab's realm session, when one did: the cause to name. */
  replaced?: SessionReplaced | undefined;
  /** Signing in again in a pop-up (the shell's, auth/useSignInAgain): the page and its memory stay. */
  signInAgain: { start: () => void; pending: boolean; problem: Failure | null };
}

/**
 * The end of the road for this session: the realm refused the refresh token (RFC 6749 §5.2
 * invalid_grant), or answered with another user's tokens. No token of it can be renewed: which
 * ending it is, what the access token in hand can still do, and the way back, in a pop-up, so the
 * identities and the expired tokens this page holds stay.
 */
export function SessionEnded({ error, inHand, replaced, signInAgain }: SessionEndedProps) {
  const who = useAuth().user?.profile.preferred_username;
  const failure = describeRefreshError(error, inHand, replaced);
  const { start, pending, problem } = signInAgain;
  return (
    <Callout explanation={failure} heading="h2" role="alert" testId="session-ended">
      <div className="actions">
        <button type="button" className="button button--primary" disabled={pending} onClick={start}>
          {pending ? 'Signing in…' : 'Sign in again'}
        </button>
      </div>
      <p className="small">
        The pop-up asks for {who ? `${who}’s` : 'your'} password. If it shows another user’s name fixed
        instead (“Please re-authenticate to continue”), choose <RestartLoginIcon /> beside it first.
      </p>
      {problem && <Callout explanation={problem} role="alert" testId="sign-in-again-problem" />}
    </Callout>
  );
}
