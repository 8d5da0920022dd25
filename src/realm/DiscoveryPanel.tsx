import { discoveryUrlOf } from '../config/realmUrls.ts';
import type { EnvironmentConfig } from '../config/types.ts';
import type { Discovery } from './useDiscovery.ts';
import './realm.css';

interface DiscoveryPanelProps {
  environment: EnvironmentConfig;
  discovery: Discovery;
}

/** The realm's discovery document: issuer and endpoints, or why the realm cannot be used. */
export function DiscoveryPanel({ environment, discovery }: DiscoveryPanelProps) {
  const { view, retry } = discovery;
  const url = discoveryUrlOf(environment.authority);
  return (
    <section className="card" aria-labelledby="discovery-title">
      <div className="card__head">
        <h2 id="discovery-title">Realm configuration</h2>
        <button type="button" className="button button--quiet" onClick={retry} disabled={!view}>
          Check again
        </button>
      </div>
      <p className="muted small">
        From{' '}
        <a href={url} target="_blank" rel="noreferrer noopener">
          {url}
        </a>
      </p>
      {!view ? (
        <p className="muted" role="status">
          Reading the realm configuration…
        </p>
      ) : !view.ok ? (
        <div className="realm-problem" role="alert" aria-labelledby="discovery-problem">
          <h3 id="discovery-problem">{view.title}</h3>
          <p>{view.explanation}</p>
          <p>
            <strong>Next step:</strong> {view.next}
          </p>
        </div>
      ) : (
        <>
          <p className="realm-issuer">
            Issuer <code>{view.issuer}</code>{' '}
            {view.issuerMismatch ? (
              <span className="realm-flag realm-flag--bad">differs from config.json</span>
            ) : (
              <span className="realm-flag realm-flag--ok">matches config.json</span>
            )}
          </p>
          {view.issuerMismatch && (
            <div className="realm-problem" role="alert">
              <h3>The realm names another issuer than the one configured</h3>
              <p>
                config.json: <code>{view.issuerMismatch.configured}</code>
                <br />
                the realm: <code>{view.issuerMismatch.advertised}</code>
              </p>
              <p>{view.issuerMismatch.likelyCause}</p>
              <p>
                <strong>Next step:</strong> if the advertised issuer is the realm you mean, put it as the
                authority in config.json; otherwise fix the realm's hostname or proxy settings. Do not use
                tokens from a realm whose issuer you did not expect.
              </p>
            </div>
          )}
          {view.warnings.length > 0 && (
            <ul className="realm-warnings">
              {view.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          <table className="realm-table" aria-label="Realm endpoints">
            <tbody>
              {view.endpoints.map((endpoint) => (
                <tr key={endpoint.key}>
                  <th scope="row">{endpoint.name}</th>
                  <td>
                    {endpoint.url ? (
                      <code>{endpoint.url}</code>
                    ) : (
                      <span className="muted">not advertised</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
