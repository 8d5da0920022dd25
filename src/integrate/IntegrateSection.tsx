import { useId, useMemo, useState } from 'react';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { CLIENT_KINDS, type ClientKind, clientKind } from '../shared/clientRequest/clientKinds.ts';
import { clientRequest } from '../shared/clientRequest/clientRequest.ts';
import { useDiscovery } from '../shared/discovery/useDiscovery.ts';
import { ClientSettingsPanel } from './ClientSettingsPanel.tsx';
import { EndpointsPanel } from './EndpointsPanel.tsx';
import { FlowAdvicePanel } from './FlowAdvicePanel.tsx';
import { integrationGuide } from './guide.ts';
import { ResourceServerPanel } from './ResourceServerPanel.tsx';
import { SnippetFigure, ValuesTable } from './SnippetFigure.tsx';
import './integrate.css';

interface IntegrateSectionProps {
  config: PortalConfig;
  /** The environment picked in the header: its realm, its API. */
  environment: EnvironmentConfig;
  /** How the realm's discovery document is fetched (tests pass a fake). */
  fetchImpl?: typeof fetch;
}

/**
 * "Which flow do I use, and what do I write?": for the kind of client a developer picks, the advised
 * flow, the Keycloak settings and the registration request, the realm's endpoints, and code that
 * runs against the environment picked in the header.
 */
export function IntegrateSection({ config, environment, fetchImpl }: IntegrateSectionProps) {
  const discovery = useDiscovery(environment, fetchImpl);
  const [kind, setKind] = useState<ClientKind>('spa');
  // Null until typed: the field then follows the kind's example.
  const [typedClientId, setTypedClientId] = useState<string | null>(null);
  const [typedRedirect, setTypedRedirect] = useState<string | null>(null);
  const info = clientKind(kind);
  const clientId = typedClientId ?? info.exampleClientId;
  const redirectUri = typedRedirect ?? info.exampleRedirectUri;
  const guide = useMemo(
    () => integrationGuide({ kind, environment, discovery: discovery.view, clientId, redirectUri }),
    [kind, environment, discovery.view, clientId, redirectUri],
  );
  const request = clientRequest({ clientId, environment, redirectUri, kind });
  const ids = useId();
  const codeId = useId();

  return (
    <section className="card ig-guide" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>
        Integrate a client: the advised flow, settings and code for each kind of client
      </h2>
      <p>
        Pick the kind of client you are writing. Everything below is for <strong>{environment.label}</strong>{' '}
        (the environment picked in the header): its realm, its API, and the realm role{' '}
        <code>{environment.api.requiredRole}</code> the API requires. Secrets and tokens stay placeholders (
        <code>$CLIENT_SECRET</code>, <code>$TOKEN</code>).
      </p>
      <form className="ig-form" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="ig-kinds">
          <legend>Kind of client</legend>
          {CLIENT_KINDS.map((candidate) => (
            <label key={candidate.kind} className="ig-kind">
              <input
                type="radio"
                name={`${ids}-kind`}
                checked={candidate.kind === kind}
                onChange={() => {
                  // A callback typed for a web app means nothing to a mobile app, and the reverse.
                  if (candidate.redirect !== info.redirect) setTypedRedirect(null);
                  setKind(candidate.kind);
                }}
              />{' '}
              {candidate.label}
            </label>
          ))}
        </fieldset>
        <div className="ig-fields">
          <label className="ig-field">
            Client ID
            <input
              type="text"
              className="input input--code"
              value={clientId}
              onChange={(event) => setTypedClientId(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          {info.redirect !== 'none' && (
            <label className="ig-field">
              Callback URI
              <span className="small muted ig-field__hint">{info.redirectHint}</span>
              <input
                type="url"
                className="input input--code"
                value={redirectUri}
                onChange={(event) => setTypedRedirect(event.target.value)}
                spellCheck={false}
              />
            </label>
          )}
        </div>
      </form>

      <FlowAdvicePanel advice={guide.advice} />
      <ClientSettingsPanel request={request} environment={environment} adminEmail={config.adminEmail} />
      <EndpointsPanel endpoints={guide.endpoints} bearer={guide.bearer} />
      <section className="ig-part" aria-labelledby={codeId}>
        <h3 id={codeId}>Code: {info.label}</h3>
        {guide.values.map((table) => (
          <ValuesTable key={table.id} table={table} />
        ))}
        {guide.code.map((snippet) => (
          <SnippetFigure key={snippet.id} snippet={snippet} />
        ))}
      </section>
      <ResourceServerPanel values={guide.resourceServer.values} code={guide.resourceServer.code} />
    </section>
  );
}
