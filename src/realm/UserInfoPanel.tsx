import { useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { send } from '../shared/bearer/send.ts';
import { useServerTime } from '../shared/serverTime.tsx';
import type { TokenReading } from '../shared/token/readToken.ts';
import { CurlCallout } from '../ui/CurlCallout.tsx';
import { explainUserInfo, type UserInfoOutcome } from './explainUserInfo.ts';
import type { UserInfoTarget } from './userInfoEndpointOf.ts';
import './realm.css';
import { CodeBlock } from '../ui/CodeBlock.tsx';

interface UserInfoPanelProps {
  environment: EnvironmentConfig;
  /** The current access token, as the shell read it. */
  access: TokenReading;
  target: UserInfoTarget;
  /** Injected for tests. */
  sendImpl?: typeof send;
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Asks the realm who the access token belongs to (OIDC Core §5.3), or says why it would not tell. */
export function UserInfoPanel({ environment, access, target, sendImpl = send }: UserInfoPanelProps) {
  const time = useServerTime();
  const [outcome, setOutcome] = useState<UserInfoOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const call = async () => {
    if (!target.ok) return;
    setBusy(true);
    // The token is judged at the moment the call leaves, in the server's time.
    const sentAtMs = time.serverNow() * 1000;
    const result = await sendImpl({
      method: 'GET',
      url: target.url,
      headers: [['Authorization', `Bearer ${access.raw}`]],
    });
    const body = result.kind === 'response' ? await result.body.text() : '';
    setOutcome(
      explainUserInfo(result, body, access, {
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
        <table className="table rl-facts" aria-label="UserInfo claims">
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
        <CurlCallout explanation={outcome.verdict} heading="h3" role="alert">
          {outcome.body && (
            <CodeBlock className="rl-body" label="UserInfo response body">
              {outcome.body}
            </CodeBlock>
          )}
        </CurlCallout>
      )}
    </section>
  );
}
