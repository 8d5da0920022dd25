import { useId, useState } from 'react';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { isLocalRealm, redirectUriOf } from '../config/urls.ts';
import { CLIENT_KINDS, type ClientKind, clientKind } from '../shared/clientRequest/clientKinds.ts';
import { clientRequest, mailtoFor } from '../shared/clientRequest/clientRequest.ts';
import { sectionHref } from '../shared/sections.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import './realm.css';

interface RegisterClientFormProps {
  config: PortalConfig;
  environment: EnvironmentConfig;
  /** This portal's origin, for the pre-filled callback. */
  origin?: string;
}

/**
 * The request to send the realm admin for a new client, and what that client must have for the
 * portal to work. Clients live in the real realms only: the local stack registers its own.
 */
export function RegisterClientForm({
  config,
  environment,
  origin = window.location.origin,
}: RegisterClientFormProps) {
  const realms = config.environments.filter((candidate) => !isLocalRealm(candidate.authority));
  const choices = realms.length > 0 ? realms : config.environments;
  const initial = choices.find((candidate) => candidate.id === environment.id) ?? choices[0] ?? environment;
  const [target, setTarget] = useState(initial);
  const [kind, setKind] = useState<ClientKind>('spa');
  const [clientId, setClientId] = useState('');
  // Null while the callback follows the chosen environment; a string once the user typed one.
  const [typedUri, setTypedUri] = useState<string | null>(null);
  const info = clientKind(kind);
  // A single-page app like this portal: its callback for the chosen environment.
  const prefilled = kind === 'spa' ? redirectUriOf(target, origin) : '';
  const redirectUri = typedUri ?? prefilled;
  const request = clientRequest({ clientId, environment: target, redirectUri, kind });
  const mailto = mailtoFor(request, config.adminEmail);
  const ids = useId();
  const ready = request.problems.length === 0;

  return (
    <details className="card rl-details">
      <summary>Register a client with the realm admin</summary>
      <p>
        Fill this in, then copy the table or mail it to the realm admin. The callback is this portal's own for
        the environment you pick; change it for another app.
      </p>
      <p className="small">
        Which flow, which settings and what code for your kind of client?{' '}
        <a href={sectionHref('integrate')}>Integrate a client</a>.
      </p>
      <form className="rl-form" onSubmit={(event) => event.preventDefault()}>
        <label className="rl-form__field">
          Client ID
          <span className="rl-form__hint small muted">
            The name the client gets in the realm, e.g. abrumet-debug-portal-qa.
          </span>
          <input
            type="text"
            className="input input--code"
            value={clientId}
            onChange={(event) => setClientId(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <fieldset>
          <legend>Environment</legend>
          {choices.map((candidate) => (
            <label key={candidate.id}>
              <input
                type="radio"
                name={`${ids}-environment`}
                checked={candidate.id === target.id}
                onChange={() => setTarget(candidate)}
              />{' '}
              {candidate.label}
              {candidate.production ? ' (production)' : ''}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Kind of app</legend>
          {CLIENT_KINDS.map((candidate) => (
            <label key={candidate.kind}>
              <input
                type="radio"
                name={`${ids}-app`}
                checked={candidate.kind === kind}
                onChange={() => {
                  // A callback typed for a web app means nothing to a mobile app, and the reverse.
                  if (candidate.redirect !== info.redirect) setTypedUri(null);
                  setKind(candidate.kind);
                }}
              />{' '}
              {candidate.label}
            </label>
          ))}
        </fieldset>
        {info.redirect !== 'none' && (
          <label className="rl-form__field">
            Callback URI
            <span className="rl-form__hint small muted">
              {kind === 'spa'
                ? "Where the realm sends the user back after sign-in. Pre-filled with this portal's callback."
                : info.redirectHint}
            </span>
            <input
              type="url"
              className="input input--code"
              value={redirectUri}
              onChange={(event) => setTypedUri(event.target.value)}
              spellCheck={false}
            />
          </label>
        )}
      </form>

      {!ready && (
        <ul className="text-bad" aria-label="To fix before sending">
          {request.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      <h3>Request for the realm admin</h3>
      <table className="table rl-facts" aria-label="Client registration request">
        <tbody>
          {request.rows.map(([name, value]) => (
            <tr key={name} data-setting={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions rl-details__actions">
        {ready ? (
          <>
            <CopyButton label="Copy as Markdown table" getText={() => request.markdown} />
            <CopyButton label="Copy as plain text" getText={() => request.text} />
            {mailto && (
              <a className="button" href={mailto}>
                Draft a mail to {config.adminEmail}
              </a>
            )}
          </>
        ) : (
          <span className="muted small">Fix the points above to copy or mail the request.</span>
        )}
      </div>

      <h3>What the client needs to work</h3>
      <ul className="rl-list" aria-label="Checklist for the realm admin">
        {request.settings
          .filter((setting) => setting.why !== '')
          .map((setting) => (
            <li key={setting.name}>
              <strong>{setting.name}</strong>: <code>{setting.value || '…'}</code>. {setting.why}
            </li>
          ))}
      </ul>
    </details>
  );
}
