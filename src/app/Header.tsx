import { useAuth } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';

interface HeaderProps {
  environment: EnvironmentConfig;
}

export function Header({ environment }: HeaderProps) {
  const auth = useAuth();
  const profile = auth.user?.profile;
  return (
    <header className="header">
      <div className="header__brand">
        <span className="header__logo" aria-hidden="true">
          A
        </span>
        <span>Abrumet API debug portal</span>
      </div>
      <span className={environment.production ? 'env-badge env-badge--production' : 'env-badge'}>
        <span className="sr-only">Environment: </span>
        {environment.production ? `⚠ ${environment.label}` : environment.label}
      </span>
      <div className="header__user">
        {profile && (
          <>
            <span>
              Signed in as <strong>{profile.preferred_username ?? profile.sub}</strong>
              {profile.name ? ` (${profile.name})` : ''}
            </span>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void auth.signoutRedirect()}
            >
              Sign out
            </button>
          </>
        )}
      </div>
    </header>
  );
}
