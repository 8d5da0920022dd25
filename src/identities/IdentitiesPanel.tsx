import { useId } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import type { Identity, IdentitySignIn, TabSession } from '../shared/token/identity.ts';
import { Callout } from '../ui/Callout.tsx';
import { IdentityCard } from './IdentityCard.tsx';
import { TabSessionWarning } from './TabSessionWarning.tsx';
import { useIdentities } from './useIdentities.ts';
import './identities.css';

interface IdentitiesPanelProps {
  environment: EnvironmentConfig;
  /** The tab's own session, which a sign-in of another user through the realm ends. */
  tab: TabSession;
  /** The shell hears the list, to hand it to the authorization matrix. */
  onChange: (identities: Identity[]) => void;
  /** The shell hears each sign-in through the realm, for the tab's timeline. */
  onSignIn: (signIn: IdentitySignIn) => void;
}

/** Several identities in one tab: sign in others (a patient, a second therapist) beside your own. */
export function IdentitiesPanel({ environment, tab, onChange, onSignIn }: IdentitiesPanelProps) {
  const { identities, adding, keepSession, setKeepSession, problem, dismissProblem, add, refresh, remove } =
    useIdentities(environment, onChange, onSignIn);
  const warningId = useId();
  return (
    <section className="card id-panel" aria-labelledby="id-title">
      <div className="card__head">
        <h2 id="id-title">Other identities</h2>
        <button
          type="button"
          className="button button--primary"
          disabled={adding}
          aria-describedby={warningId}
          onClick={() => void add()}
        >
          {adding ? 'Signing in…' : 'Add identity'}
        </button>
      </div>
      <TabSessionWarning id={warningId} tab={tab} />
      <p className="small muted">
        Sign in as another user of {environment.label} in a pop-up (the realm always asks for the password).
        Their tokens stay in this page’s memory only and go when you remove them or close the tab.
      </p>
      <label className="small">
        <input type="checkbox" checked={keepSession} onChange={(e) => setKeepSession(e.target.checked)} />{' '}
        Keep its own realm session (offline access)
      </label>
      <p className="small muted">
        With its own (offline) realm session, an identity keeps refreshing when someone else signs in after
        it; that session is revoked when you remove the identity or leave the page. Without it, the identity
        shares the browser’s realm session, and the next sign-in of another user ends its refresh.
      </p>
      {problem && (
        <Callout explanation={problem} role="alert">
          <button type="button" className="button button--quiet" onClick={dismissProblem}>
            Dismiss
          </button>
        </Callout>
      )}
      {identities.length > 0 && (
        <ul className="id-panel__list">
          {identities.map((identity) => (
            <IdentityCard
              key={identity.id}
              identity={identity}
              environment={environment}
              onRefresh={() => void refresh(identity.id)}
              onRemove={() => void remove(identity.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
