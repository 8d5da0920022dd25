import { useId } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { isLocalRealm } from '../config/urls.ts';
import { type ClientRequest, mailtoFor } from '../shared/clientRequest/clientRequest.ts';
import { CopyButton } from '../ui/CopyButton.tsx';

interface ClientSettingsPanelProps {
  request: ClientRequest;
  environment: EnvironmentConfig;
  adminEmail: string | undefined;
}

/**
 * The Keycloak client settings for the kind, each with why and where, and the registration request
 * for the realm admin: the same request (shared/clientRequest) the registration form drafts.
 */
export function ClientSettingsPanel({ request, environment, adminEmail }: ClientSettingsPanelProps) {
  const settingsId = useId();
  const requestId = useId();
  const ready = request.problems.length === 0;
  const mailto = mailtoFor(request, adminEmail);
  return (
    <>
      <section className="ig-part" aria-labelledby={settingsId}>
        <h3 id={settingsId}>Keycloak client settings</h3>
        <table className="table ig-settings" aria-label="Keycloak client settings">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Value, why and where</th>
            </tr>
          </thead>
          <tbody>
            {request.settings
              .filter((setting) => setting.why !== '')
              .map((setting) => (
                <tr key={setting.name}>
                  <th scope="row">{setting.name}</th>
                  <td>
                    <code>{setting.value || '…'}</code>
                    <div className="small muted">{setting.why}</div>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <section className="ig-part" aria-labelledby={requestId}>
        <h3 id={requestId}>Registration request</h3>
        {isLocalRealm(environment.authority) ? (
          <p className="muted">
            The {environment.label} realm is the local stack's: it registers its own clients (abrumet-portal,
            abrumet-service, abrumet-cli; see the README), so there is nothing to send. Switch to a real realm
            in the header to draft the request for its admin.
          </p>
        ) : (
          <>
            <p className="small muted">
              For the realm admin of {environment.label}: the request the registration form drafts (under
              Realm configuration), filled in for this kind of client.
            </p>
            {!ready && (
              <ul className="text-bad" aria-label="To fix before sending">
                {request.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
            <figure className="ig-snippet">
              <figcaption className="small">The request, as it is copied or mailed</figcaption>
              <pre className="code-block">{request.text}</pre>
            </figure>
            <div className="actions ig-actions">
              {ready ? (
                <>
                  <CopyButton label="Copy as Markdown table" getText={() => request.markdown} />
                  <CopyButton label="Copy as plain text" getText={() => request.text} />
                  {mailto && (
                    <a className="button" href={mailto}>
                      Draft a mail to {adminEmail}
                    </a>
                  )}
                </>
              ) : (
                <span className="muted small">Fix the points above to copy or mail the request.</span>
              )}
            </div>
          </>
        )}
      </section>
    </>
  );
}
