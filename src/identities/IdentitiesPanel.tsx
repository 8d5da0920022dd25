import type { EnvironmentConfig } from '../config/types.ts';
import type { Identity } from '../shared/token/identity.ts';
import { Callout } from '../ui/Callout.tsx';
import { IdentityCard } from './IdentityCard.tsx';
import { useIdentities } from './useIdentities.ts';
import './identities.css';

interface IdentitiesPanelProps {
  environment: EnvironmentConfig;
  /** The shell hears the list, to hand it to the authorization matrix. */
  onChange: (identities: Identity[]) => void;
}

/** Several identities in one tab: sign in others (a patient, a second therapist) beside your own. */
export function IdentitiesPanel({ environment, onChange }: IdentitiesPanelProps) {
  const { identities, adding, keepSession, setKeepSession, problem, dismissProblem, add, refresh, remove } =
    useIdentities(environment, onChange);
  return (
    <section className="card id-panel" aria-labelledby="id-title">
      <div className="card__head">
        <h2 id="id-title">Other identities</h2>
        <button type="button" className="button button--primary" disabled={adding} onClick={() => void add()}>
          {adding ? 'Signing in…' : 'Add identity'}
        </button>
      </div>
      <p className="small muted">
        Sign in as another user of {environment.label} in a pop-up (the realm always asks for the password).
        Their tokens stay in this page’s memory only and go when you remove them or close the tab.
      </p>
      <label className="small">
        <input type="checkbox" checked={keepSession} onChange={(e) => setKeepSession(e.target.checked)} />{' '}
        Keep its own realm session (offline access)
      </label>
      <p className="small muted">
        The realm keeps one session per browser: if it shows the last user’s name, choose “Restart login” to
        sign in as someone else. That ends the previous user’s browser session (yours, the first time): its
        tokens work until they expire but can no longer be refreshed. An identity added with its own realm
        session (offline access) keeps refreshing; that session is revoked when you remove the identity or
        leave the page.
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
