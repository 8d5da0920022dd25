import { type KeyboardEvent, useMemo, useState } from 'react';
import type { EnvironmentConfig } from '../../config/types.ts';
import { useServerTime } from '../../shared/serverTime.tsx';
import { expectationsOf } from '../../shared/token/judgeToken.ts';
import { readToken } from '../../shared/token/readToken.ts';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { checkClaims } from './checkClaims.ts';
import { DecodedView } from './DecodedView.tsx';
import { RawToken } from './RawToken.tsx';
import { RefreshTokenView } from './RefreshTokenView.tsx';
import { SignatureCheck } from './SignatureCheck.tsx';
import { type SignatureCheckState, useSignatureCheck, type Verify } from './useSignatureCheck.ts';

interface TokenTabsProps {
  tokens: SessionTokens;
  refreshToken?: string;
  environment: EnvironmentConfig;
  /** The access token's check, run by the panel as the token arrived (its verdict rests on it). */
  accessSignature: SignatureCheckState;
  /** Injected in tests: the check against the realm's keys. */
  verify?: Verify | undefined;
  /** The session ended: its refresh token is dead and no longer kept. */
  ended?: boolean;
}

type Tab = 'access' | 'id' | 'refresh';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'access', label: 'Access token' },
  { id: 'id', label: 'ID token' },
  { id: 'refresh', label: 'Refresh token' },
];

/** The three tokens of the session, each raw (colour-coded) and decoded. */
export function TokenTabs({
  tokens,
  refreshToken,
  environment,
  accessSignature,
  verify,
  ended = false,
}: TokenTabsProps) {
  const [tab, setTab] = useState<Tab>('access');
  const { serverNow } = useServerTime();
  // The ID token's signature is checked on request only: nothing is decided on it.
  const idSignature = useSignatureCheck(tokens.id, environment.authority, verify ? { verify } : {});
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab) + (event.key === 'ArrowRight' ? 1 : -1);
    const next = TABS[(i + TABS.length) % TABS.length];
    if (next) setTab(next.id);
  };
  // The refresh token is not part of the model (no feature judges it): read once, when shown.
  const refreshReading = useMemo(
    () => (tab === 'refresh' ? readToken(refreshToken) : undefined),
    [tab, refreshToken],
  );
  const reading = tab === 'access' ? tokens.access : tab === 'id' ? tokens.id : refreshReading;
  const token = tab === 'refresh' ? refreshToken : reading?.raw;
  const checks =
    reading && tab !== 'refresh'
      ? checkClaims(reading, {
          expected: expectationsOf(environment),
          portalOrigin: window.location.origin,
          use: tab,
          clientId: environment.clientId,
          serverNow: serverNow(),
        })
      : [];

  return (
    <div className="tk-tabs">
      <div role="tablist" aria-label="Tokens" className="tk-tabs__list">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tk-tabs__tab"
            onClick={() => setTab(t.id)}
            onKeyDown={onKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tk-tabs__panel">
        {!token || !reading ? (
          <p className="muted">
            {tab === 'refresh' && ended
              ? 'This session ended: its refresh token is dead, and no longer kept here.'
              : `The realm did not issue ${tab === 'id' ? 'an ID' : `a ${tab}`} token in this session.`}
          </p>
        ) : tab === 'refresh' ? (
          <RefreshTokenView token={reading} />
        ) : (
          <>
            <div className="actions">
              <CopyButton label="Copy token" getText={() => token} secret />
              {tab === 'access' && (
                <CopyButton
                  label="Copy Authorization header"
                  getText={() => `Authorization: Bearer ${token}`}
                  secret
                />
              )}
            </div>
            {reading.readable && (
              <SignatureCheck token={reading} signature={tab === 'access' ? accessSignature : idSignature} />
            )}
            <RawToken token={reading} label={tab === 'access' ? 'Access token' : 'ID token'} />
            <DecodedView
              decoded={reading.decoded}
              checks={checks}
              requiredRole={environment.api.requiredRole}
            />
          </>
        )}
      </div>
    </div>
  );
}
