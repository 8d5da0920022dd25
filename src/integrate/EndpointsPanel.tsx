import { useId } from 'react';
import { ENDPOINTS } from '../shared/discovery/describeDiscovery.ts';
import { CLIENT_ENDPOINTS, type RealmEndpoints } from './realmEndpoints.ts';
import { SnippetFigure } from './SnippetFigure.tsx';
import type { Snippet } from './snippets/snippet.ts';

const SOURCE: Record<RealmEndpoints['source'], string> = {
  discovery: "Read from the realm's discovery document.",
  loading: "Reading the realm's discovery document… Until then: Keycloak's standard paths.",
  failed:
    "The realm's discovery document could not be read (see Realm configuration): these are Keycloak's standard paths, unconfirmed.",
};

const nameOf = (key: string) => ENDPOINTS.find(([candidate]) => candidate === key)?.[1] ?? key;

/** The realm's endpoints a client uses, and how a client then calls the API with its token. */
export function EndpointsPanel({ endpoints, bearer }: { endpoints: RealmEndpoints; bearer: Snippet }) {
  const id = useId();
  return (
    <section className="ig-part" aria-labelledby={id}>
      <h3 id={id}>The realm's endpoints</h3>
      <p className={endpoints.source === 'failed' ? 'small text-warn' : 'small muted'} role="status">
        {SOURCE[endpoints.source]}
      </p>
      <table
        className="table ig-values"
        aria-label="Endpoints for this client"
        data-source={endpoints.source}
      >
        <tbody>
          <tr>
            <th scope="row">Issuer</th>
            <td>
              <code>{endpoints.issuer}</code>
            </td>
          </tr>
          {CLIENT_ENDPOINTS.map((key) => (
            <tr key={key}>
              <th scope="row">{nameOf(key)}</th>
              <td>
                <code>{endpoints.urls[key]}</code>
                {endpoints.missing.includes(key) && (
                  <span className="small text-warn">
                    {' '}
                    · not advertised by the realm: Keycloak's standard path
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        With its access token, a client calls the API with the header{' '}
        <code>Authorization: Bearer &lt;access token&gt;</code> (RFC 6750 §2.1). A 401 with{' '}
        <code>error="invalid_token"</code> means get a new token; a 403 with{' '}
        <code>error="insufficient_scope"</code> means the token lacks the realm role the API requires.
      </p>
      <SnippetFigure snippet={bearer} />
    </section>
  );
}
