import { useId, useState } from 'react';
import { redirectUriOf } from '../auth/redirectUriOf.ts';
import type { EnvironmentConfig, PortalConfig } from '../config/types.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { type AppType, clientRequest } from './clientRequest.ts';
import { mailtoFor } from './mailtoFor.ts';
import './realm.css';

interface RegisterClientFormProps {
  config: PortalConfig;
  environment: EnvironmentConfig;
  /** This portal's origin, for the pre-filled callback. */
  origin?: string;
}

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/;

/**
 * The request to send the realm admin for a new client, and what that client must have for the
 * portal to work. Clients live in the real realms only: the local stack registers its own.
 */
export function RegisterClientForm({
  config,
  environment,
  origin = window.location.origin,
}: RegisterClientFormProps) {
  const realms = config.environments.filter((candidate) => !LOOPBACK.test(candidate.authority));
  const choices = realms.length > 0 ? realms : config.environments;
  const initial = choices.find((candidate) => candidate.id === environment.id) ?? choices[0] ?? environment;
  const [target, setTarget] = useState(initial);
  const [appType, setAppType] = useState<AppType>('web');
  const [clientId, setClientId] = useState('');
  // Null while the callback follows the chosen environment; a string once the user typed one.
  const [typedUri, setTypedUri] = useState<string | null>(null);
  const prefilled = appType === 'web' ? redirectUriOf(target, origin) : '';
  const redirectUri = typedUri ?? prefilled;
  const request = clientRequest({ clientId, environment: target, redirectUri, appType });
  const mailto = mailtoFor(request, config.adminEmail);
  const ids = useId();
  const ready = request.problems.length === 0;

  return (
    <details className="card realm-details">
      <summary>Register a client with the realm admin</summary>
      <p>
        Fill this in, then copy the table or mail it to the realm admin. The callback is this portal's own for
        the environment you pick; change it for another app.
      </p>
      <form className="register-form" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          Client ID
          <span className="hint">The name the client gets in the realm, e.g. abrumet-debug-portal-qa.</span>
          <input
            type="text"
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
          <label>
            <input
              type="radio"
              name={`${ids}-app`}
              checked={appType === 'web'}
              onChange={() => setAppType('web')}
            />{' '}
            Web app (browser)
          </label>
          <label>
            <input
              type="radio"
              name={`${ids}-app`}
              checked={appType === 'mobile'}
              onChange={() => setAppType('mobile')}
            />{' '}
            Mobile app
          </label>
        </fieldset>
        <label className="field">
          Callback URI
          <span className="hint">
            {appType === 'web'
              ? "Where the realm sends the user back after sign-in. Pre-filled with this portal's callback."
              : "The app's private-use scheme, e.g. org.abrumet.app:/oauth2redirect (RFC 8252)."}
          </span>
          <input
            type="url"
            value={redirectUri}
            onChange={(event) => setTypedUri(event.target.value)}
            spellCheck={false}
          />
        </label>
      </form>

      {!ready && (
        <ul className="register-problems" aria-label="To fix before sending">
          {request.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      <h3>Request for the realm admin</h3>
      <table className="realm-table" aria-label="Client registration request">
        <tbody>
          {request.rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
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

      <h3>What the client needs for the portal to work</h3>
      <ul className="checklist">
        <li>
          <strong>Client authentication off</strong> (a public client: a browser cannot keep a secret).
          Settings → Capability config.
        </li>
        <li>
          <strong>Standard flow on</strong> (authorization code). Direct access grants and Implicit flow can
          stay off.
        </li>
        <li>
          <strong>PKCE S256</strong>: Advanced → Advanced settings → Proof Key for Code Exchange Code
          Challenge Method: S256.
        </li>
        <li>
          <strong>Valid redirect URIs</strong> contains the callback exactly:{' '}
          <code>{redirectUri || '…'}</code>
        </li>
        <li>
          <strong>Valid post logout redirect URIs</strong> contains <code>{origin}/</code>, so Sign out comes
          back to the portal.
        </li>
        <li>
          <strong>Web origins</strong> contains <code>{origin}</code> (or <code>+</code>), or the browser
          blocks the token request (CORS).
        </li>
        {target.api.audience && (
          <li>
            If the API checks the audience: an <strong>Audience</strong> mapper adding{' '}
            <code>{target.api.audience}</code> to the access token.
          </li>
        )}
      </ul>
    </details>
  );
}
