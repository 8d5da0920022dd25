import { escapeHtml } from './escapeHtml.ts';
import type { DevUser } from './users.ts';

const style = `
  body { font-family: system-ui, sans-serif; background: #f0f2f5; color: #1c2733; margin: 0; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 6px;
    box-shadow: 0 2px 6px rgba(0, 0, 0, .15); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
  button { margin-top: 1.5rem; width: 100%; padding: .6rem; font-size: 1rem; background: #0066cc;
    color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  [role="alert"] { background: #fdecea; border: 1px solid #d93025; color: #8a1c12; padding: .75rem;
    border-radius: 4px; }
  .test-users { margin-top: 2rem; background: #fff8e1; border: 1px solid #f0c36d; padding: .75rem 1rem;
    border-radius: 4px; }
  .test-users h2 { font-size: 1rem; margin: 0 0 .5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .2rem .4rem; }
`;

function page(title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface LoginPageInput {
  action: string;
  username: string;
  error?: string | undefined;
  testUsers: readonly DevUser[];
}

/** The HTML pages of the devstack IdP, shaped after Keycloak's. Every echoed value is escaped. */
export const idpPages = {
  login({ action, username, error, testUsers }: LoginPageInput): string {
    const alert = error === undefined ? '' : `<div role="alert">${escapeHtml(error)}</div>`;
    const rows = testUsers
      .map(
        (user) =>
          `<tr><td>${escapeHtml(user.username)}</td><td>${escapeHtml(user.password)}</td>` +
          `<td>${escapeHtml(user.realmRole)}</td></tr>`,
      )
      .join('\n');
    return page(
      'Sign in to abrumet',
      `<h1>Sign in to abrumet</h1>
${alert}
<form method="post" action="${escapeHtml(action)}">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" value="${escapeHtml(username)}" autofocus required>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign In</button>
</form>
<section class="test-users" aria-labelledby="test-users-title">
  <h2 id="test-users-title">Local test users</h2>
  <table>
    <thead><tr><th>Username</th><th>Password</th><th>Realm role</th></tr></thead>
    <tbody>
${rows}
    </tbody>
  </table>
</section>`,
    );
  },

  /**
   * RP-initiated logout. oidc-provider asks the user to confirm; Keycloak with an id_token_hint
   * does not, so the form (with logout=yes, which ends the whole IdP session) submits itself.
   * The button stays for browsers without JavaScript.
   */
  logout(form: string): string {
    const withLogout = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
    return page(
      'Signing out of abrumet',
      `<h1>Signing out of abrumet</h1>
${withLogout}
<button type="submit" form="op.logoutForm">Sign out</button>`,
      `<script>document.addEventListener('DOMContentLoaded', function () { document.forms[0].submit(); });</script>`,
    );
  },

  /** Device authorization (RFC 8628): where the user types the code a device shows. */
  deviceCodeInput(form: string, error: boolean): string {
    const message = error
      ? '<p role="alert">Invalid code, please try again.</p>'
      : '<p>Enter the code provided by your device and click Submit</p>';
    return page(
      'Device Login',
      `<h1>Device Login</h1>
${message}
${form.replace('placeholder="Enter code"', 'aria-label="Device code" placeholder="Enter code"')}
<button type="submit" form="op.deviceInputForm">Submit</button>`,
    );
  },

  /** Device authorization: the user confirms which client gets access (Keycloak: "Grant Access"). */
  deviceCodeConfirm(form: string, clientName: string, userCode: string): string {
    return page(
      `Grant Access to ${clientName}`,
      `<h1>Grant Access to ${escapeHtml(clientName)}</h1>
<p>Do you grant these access privileges? The device shows the code <code>${escapeHtml(userCode)}</code>.</p>
${form}
<button type="submit" form="op.deviceConfirmForm">Yes</button>
<button type="submit" form="op.deviceConfirmForm" name="abort" value="yes">No</button>`,
    );
  },

  deviceCodeSuccess(clientName: string): string {
    return page(
      'Device Login Successful',
      `<h1>Device Login Successful</h1><p>${escapeHtml(clientName)} is signed in. You may close this page.</p>`,
    );
  },

  loggedOut(): string {
    return page('Signed out of abrumet', '<h1>You are logged out</h1>');
  },

  error(message: string, details: object = {}): string {
    const rows = Object.entries(details)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
      .join('\n');
    return page(
      'We are sorry...',
      `<h1>We are sorry...</h1>
<p role="alert">${escapeHtml(message)}</p>
${rows === '' ? '' : `<dl>${rows}</dl>`}`,
    );
  },
};
