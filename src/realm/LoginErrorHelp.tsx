import type { EnvironmentConfig } from '../config/types.ts';
import { adminEventsUrl, redirectUriOf } from '../config/urls.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { loginErrorSteps } from './loginErrorSteps.ts';
import { LOGIN_PAGE_MESSAGES } from './loginPageMessages.ts';
import './realm.css';

interface LoginErrorHelpProps {
  environment: EnvironmentConfig;
  /** The realm's `error` / `error_description` when the failure came back to the portal. */
  code?: string | undefined;
  description?: string | undefined;
  /** What the portal knows of the time (a failure, or a sign-in that never came back); none on demand. */
  when?: { failedAt: Date } | { startedAt: Date } | undefined;
  /** Open from the start (after a failed callback) rather than on demand. */
  open?: boolean;
  origin?: string;
}

/**
 * Where a failed sign-in is explained for good: the realm's Login events. Links an admin straight
 * there and writes out the steps for someone without admin rights to pass on.
 */
export function LoginErrorHelp({
  environment,
  code,
  description,
  when,
  open = false,
  origin = window.location.origin,
}: LoginErrorHelpProps) {
  const eventsUrl = adminEventsUrl(environment.authority);
  const steps = loginErrorSteps({
    environment,
    redirectUri: redirectUriOf(environment, origin),
    when,
    code,
    description,
  });
  const forAdmin = steps.map((step, i) => `${i + 1}. ${step}`).join('\n');

  return (
    <details className="card rl-details" open={open}>
      <summary>Sign-in failed? Find the cause in the realm's Login events</summary>
      <p>
        The realm records every failed sign-in as a <code>LOGIN_ERROR</code> event with the exact reason.
      </p>
      {eventsUrl && (
        <p>
          <a className="button button--primary" href={eventsUrl} target="_blank" rel="noreferrer noopener">
            Open Login events in the Keycloak admin console
          </a>{' '}
          <span className="muted small">(needs admin rights on the realm)</span>
        </p>
      )}
      <h3>No admin rights? Send these steps to the realm admin</h3>
      <ol className="rl-list" aria-label="Steps for the realm admin">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div className="actions rl-details__actions">
        <CopyButton label="Copy the steps" getText={() => forAdmin} />
      </div>

      <h3>What the realm's page said, and what it usually means</h3>
      <table className="table" aria-label="Messages on the realm's sign-in page">
        <thead>
          <tr>
            <th scope="col">The realm's page said</th>
            <th scope="col">Likely cause</th>
            <th scope="col">Event error</th>
          </tr>
        </thead>
        <tbody>
          {LOGIN_PAGE_MESSAGES.map((row) => (
            <tr key={row.message}>
              <td>{row.message}</td>
              <td>{row.cause}</td>
              <td>
                <code>{row.eventError}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
