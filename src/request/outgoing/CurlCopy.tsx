import { useState } from 'react';
import { exportToken, toCurl } from '../../shared/bearer/toCurl.ts';
import { CodeBlock } from '../../ui/CodeBlock.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import type { Prepared } from './prepareRequest.ts';

/**
 * "Copy as curl": `$TOKEN` by default, with the line that sets it in sight (a new shell has no
 * TOKEN, and an empty bearer gets a 401); the live token only after an explicit confirmation.
 */
export function CurlCopy({ prepared }: { prepared: Prepared }) {
  const [confirming, setConfirming] = useState(false);
  if (!prepared.ok) return null;
  const token = prepared.token?.raw;
  return (
    <div className="rq-curl">
      <div className="actions">
        <CopyButton label="Copy as curl" getText={() => toCurl(prepared.request)} />
        {token !== undefined && !confirming && (
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
            Copy as curl with the real token…
          </button>
        )}
      </div>
      {token !== undefined && (
        <div className="rq-curl__token small" data-testid="curl-token-note">
          <p>
            <strong>Set TOKEN first</strong>, in the same shell: the command reads the token from $TOKEN, and
            without it the API answers 401. Paste the access token (Copy token, in the token view) between the
            quotes:
          </p>
          <div className="actions">
            <code>{exportToken()}</code>
            <CopyButton label="Copy the export line" getText={() => exportToken()} />
          </div>
        </div>
      )}
      {token !== undefined && confirming && (
        <div role="alertdialog" aria-label="Copy the real token" className="callout tone-warn">
          <p>
            This puts your live token on the clipboard. Anyone who sees the command can call the API as you
            until the token expires. Paste it only where you would paste a password.
          </p>
          <div className="actions">
            <CopyButton
              label="Copy with the real token"
              getText={() => toCurl(prepared.request, { revealToken: true })}
              secret
            />
            <CopyButton
              label="Copy the export line with the real token"
              getText={() => exportToken(token)}
              secret
            />
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Done
            </button>
          </div>
        </div>
      )}
      <details>
        <summary className="small">Show the curl command</summary>
        <CodeBlock label="curl command">{toCurl(prepared.request)}</CodeBlock>
      </details>
    </div>
  );
}
