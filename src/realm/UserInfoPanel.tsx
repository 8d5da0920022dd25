import { useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { send } from '../request/send.ts';
import { explainUserInfo, type UserInfoOutcome } from './explainUserInfo.ts';
import type { UserInfoTarget } from './userInfoEndpointOf.ts';
import './realm.css';

interface UserInfoPanelProps {
  environment: EnvironmentConfig;
  accessToken: string;
  /** Server time − local time (the shell's server clock), to judge the token at send time. */
  skewMs: number;
  target: UserInfoTarget;
  /** Injected for tests. */
  sendImpl?: typeof send;
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Asks the realm who the access token belongs to (OIDC Core §5.3), or says why it would not tell. */
export function UserInfoPanel({
  environment,
  accessToken,
  skewMs,
  target,
  sendImpl = send,
}: UserInfoPanelProps) {
  const [outcome, setOutcome] = useState<UserInfoOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const call = async () => {
    if (!target.ok) return;
    setBusy(true);
    const sentAtMs = Date.now() + skewMs;
    const result = await sendImpl({
      method: 'GET',
      url: target.url,
      headers: [['Authorization', `Bearer ${accessToken}`]],
    });
    const body = result.kind === 'response' ? await result.body.text() : '';
    setOutcome(
      explainUserInfo(result, body, accessToken, {
        environment,
        url: target.url,
        sentAtMs,
        portalOrigin: window.location.origin,
      }),
    );
    setBusy(false);
  };

  return (
    <section className="card" aria-labelledby="userinfo-title">
      <div className="card__head">
        <h2 id="userinfo-title">UserInfo</h2>
        <button type="button" className="button" disabled={!target.ok || busy} onClick={() => void call()}>
          {busy ? 'Asking the realm…' : 'Call UserInfo'}
        </button>
      </div>
      <p className="muted small">
        {target.ok ? (
          <>
            GET <code>{target.url}</code> with the current access token: what the realm says about its user.
          </>
        ) : (
          target.message
        )}
      </p>
      {outcome?.ok && (
        <table className="realm-table" aria-label="UserInfo claims">
          <tbody>
            {Object.entries(outcome.claims).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>{text(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {outcome && !outcome.ok && (
        <div className="realm-problem" role="alert" aria-label="UserInfo error">
          <h3>{outcome.verdict.title}</h3>
          <p>{outcome.verdict.detail}</p>
          {outcome.verdict.note && <p className="muted small">{outcome.verdict.note}</p>}
          <p>
            <strong>Next step:</strong> {outcome.verdict.next}
          </p>
          {outcome.verdict.curl && <pre className="code-block realm-json">{outcome.verdict.curl}</pre>}
          {outcome.body && <pre className="code-block realm-json">{outcome.body}</pre>}
        </div>
      )}
    </section>
  );
}
