import { useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { forgetTokensHere } from '../auth/forgetTokensHere.ts';
import type { EnvironmentConfig } from '../config/types.ts';
import { useEnvironmentSwitch } from '../config/useEnvironmentSwitch.ts';
import { CHUNKS } from './sections/chunks.ts';
import { Loaded } from './sections/Loaded.tsx';

interface HeaderProps {
  environment: EnvironmentConfig;
}

export function Header({ environment }: HeaderProps) {
  const auth = useAuth();
  const { environments, switchTo } = useEnvironmentSwitch();
  // "Sign out" asks first (auth/SignOutDialog): the dialog is loaded when asked for.
  const [confirming, setConfirming] = useState(false);
  const profile = auth.user?.profile;
  const production = environment.production;
  return (
    <header className="app-header">
      <h1 className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          A
        </span>
        <span>
          Abrumet<span className="app-header__long"> API debug</span> portal
        </span>
      </h1>
      {environments.length > 1 && (
        <label className="app-header__switch small muted">
          <span className="app-header__switch-label">Environment</span>
          <select
            className={production ? 'pill pill--solid tone-bad' : 'pill tone-info'}
            value={environment.id}
            onChange={(event) => switchTo(event.target.value)}
          >
            {environments.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.production ? `${candidate.label} ⚠` : candidate.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {(production || environments.length <= 1) && (
        <span
          className={production ? 'pill pill--solid tone-bad' : 'pill tone-info'}
          data-testid="environment"
        >
          <span className="sr-only">Environment: </span>
          {production ? `⚠ ${environment.label}` : environment.label}
        </span>
      )}
      <div className="app-header__user">
        {profile && (
          <>
            <span>
              <span className="app-header__signed-in">Signed in as </span>
              <strong>{profile.preferred_username ?? profile.sub}</strong>
              {profile.name && <span className="app-header__name"> ({profile.name})</span>}
            </span>
            <button
              type="button"
              className="button button--quiet"
              title="Ends your session at the realm, then comes back here"
              disabled={auth.activeNavigator === 'signoutRedirect'}
              onClick={() => setConfirming(true)}
            >
              Sign out
            </button>
            {confirming && (
              <Loaded chunk={CHUNKS.signOut}>
                {({ SignOutDialog }) => (
                  <SignOutDialog environmentLabel={environment.label} onClose={() => setConfirming(false)} />
                )}
              </Loaded>
            )}
            <button
              type="button"
              className="button button--quiet"
              title="Removes the tokens from this tab only; the realm session stays, so the next sign-in may not ask for a password"
              onClick={() => void forgetTokensHere(auth)}
            >
              Forget tokens here
            </button>
          </>
        )}
      </div>
    </header>
  );
}
