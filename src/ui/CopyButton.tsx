import { useEffect, useState } from 'react';

interface CopyButtonProps {
  /** Called at click time so secrets are read only when the user asks. */
  getText: () => string;
  label: string;
  /** Asked before copying (e.g. the refresh token); cancelled means nothing is copied. */
  confirm?: string;
  /** A token or anything that works like one: the confirmation reminds who else reads the clipboard. */
  secret?: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies to the clipboard with a visible, announced confirmation. */
export function CopyButton({ getText, label, confirm, secret = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), secret ? 8000 : 2000);
    return () => window.clearTimeout(timer);
  }, [state, secret]);

  const copy = async () => {
    if (confirm && !window.confirm(confirm)) return;
    try {
      await navigator.clipboard.writeText(getText());
      setState('copied');
    } catch {
      // The browser refused (no permission or not a secure context): say so instead of pretending.
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button button--quiet" onClick={() => void copy()}>
        {label}
      </button>
      <span
        role="status"
        className={state === 'failed' ? 'copy__status copy__status--failed' : 'copy__status'}
      >
        {state === 'copied'
          ? secret
            ? 'Copied. The clipboard is shared with other apps: paste it where it belongs, then copy something else over it.'
            : 'Copied'
          : state === 'failed'
            ? 'Copy blocked by the browser: select the text instead'
            : ''}
      </span>
    </span>
  );
}
