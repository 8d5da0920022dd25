import { useState } from 'react';
import { toCurl } from '../../shared/bearer/toCurl.ts';
import { CodeBlock } from '../../ui/CodeBlock.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import type { Prepared } from './prepareRequest.ts';

/** "Copy as curl": `$TOKEN` by default; the live token only after an explicit confirmation. */
export function CurlCopy({ prepared }: { prepared: Prepared }) {
  const [confirming, setConfirming] = useState(false);
  if (!prepared.ok) return null;
  const hasToken = prepared.token !== undefined;
  return (
    <div className="rq-curl">
      <div className="actions">
        <CopyButton label="Copy as curl" getText={() => toCurl(prepared.request)} />
        {hasToken && !confirming && (
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
            Copy as curl with the real token…
          </button>
        )}
      </div>
      {confirming && (
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
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Done
            </button>
          </div>
        </div>
      )}
      <details>
        <summary className="small">Show the curl command</summary>
        <CodeBlock label="curl command">{toCurl(prepared.request)}</CodeBlock>
        {hasToken && (
          <p className="small muted">Set TOKEN first, e.g. export TOKEN='…' (copy it from the token view).</p>
        )}
      </details>
    </div>
  );
}
