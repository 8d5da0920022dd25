import type { EnvironmentConfig } from '../config/types.ts';
import { discoveryUrlOf } from '../config/urls.ts';
import type { Discovery } from '../shared/discovery/useDiscovery.ts';
import { sectionHref } from '../shared/sections.ts';
import { Callout } from '../ui/Callout.tsx';
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
        <Callout explanation={view} heading="h3" role="alert" />
      ) : (
        <>
          <p className="rl-issuer">
            Issuer <code>{view.issuer}</code>{' '}
            {view.issuerMismatch ? (
              <span className="pill tone-bad">differs from config.json</span>
            ) : (
              <span className="pill tone-ok">matches config.json</span>
            )}
          </p>
          {view.issuerMismatch && <Callout explanation={view.issuerMismatch} heading="h3" role="alert" />}
          {view.warnings && <Callout explanation={view.warnings} heading="h3" />}
          <table className="table rl-facts" aria-label="Realm endpoints">
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
      <p className="small">
        Writing a client for this realm? <a href={sectionHref('integrate')}>Integrate a client</a>: the
        advised flow, the Keycloak settings and code that runs, for each kind of client.
      </p>
    </section>
  );
}
