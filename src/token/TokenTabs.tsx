import { type KeyboardEvent, useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { decodeToken } from '../shared/token/decodeToken.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { checkClaims } from './checkClaims.ts';
import { DecodedView } from './DecodedView.tsx';
import { RawToken } from './RawToken.tsx';
import { RefreshTokenView } from './RefreshTokenView.tsx';
import { SignatureCheck } from './SignatureCheck.tsx';

interface TokenTabsProps {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  environment: EnvironmentConfig;
  skewMs: number;
}

type Tab = 'access' | 'id' | 'refresh';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'access', label: 'Access token' },
  { id: 'id', label: 'ID token' },
  { id: 'refresh', label: 'Refresh token' },
];

/** The three tokens of the session, each raw (colour-coded) and decoded. */
export function TokenTabs({ accessToken, idToken, refreshToken, environment, skewMs }: TokenTabsProps) {
  const [tab, setTab] = useState<Tab>('access');
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab) + (event.key === 'ArrowRight' ? 1 : -1);
    const next = TABS[(i + TABS.length) % TABS.length];
    if (next) setTab(next.id);
  };
  const token = tab === 'access' ? accessToken : tab === 'id' ? idToken : refreshToken;
  const decoded = decodeToken(token);
  const checks =
    decoded.ok && tab !== 'refresh'
      ? checkClaims(decoded.header, decoded.payload, {
          issuer: environment.authority,
          portalOrigin: window.location.origin,
          use: tab,
          clientId: environment.clientId,
          ...(environment.api.audience ? { audience: environment.api.audience } : {}),
        })
      : [];

  return (
    <div className="tabs">
      <div role="tablist" aria-label="Tokens" className="tabs__list">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(t.id)}
            onKeyDown={onKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabs__panel">
        {!token ? (
          <p className="muted">
            The realm did not issue a {tab === 'id' ? 'ID' : tab} token in this session.
          </p>
        ) : tab === 'refresh' ? (
          <RefreshTokenView token={token} decoded={decoded} />
        ) : (
          <>
            <div className="actions">
              <CopyButton label="Copy token" getText={() => token} />
              {tab === 'access' && (
                <CopyButton
                  label="Copy Authorization header"
                  getText={() => `Authorization: Bearer ${token}`}
                />
              )}
              {decoded.ok && (
                <SignatureCheck
                  token={token}
                  authority={environment.authority}
                  exp={typeof decoded.payload.exp === 'number' ? decoded.payload.exp : undefined}
                  skewMs={skewMs}
                />
              )}
            </div>
            <RawToken token={token} label={tab === 'access' ? 'Access token' : 'ID token'} />
            <DecodedView
              decoded={decoded}
              checks={checks}
              skewMs={skewMs}
              requiredRole={environment.api.requiredRole}
            />
          </>
        )}
      </div>
    </div>
  );
}
