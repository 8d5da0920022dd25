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

/** The widest the confirmation gets (ui.css `.copy__status` max-width), in rem. */
const BUBBLE_REM = 24;

/** Whether the confirmation, hung from the button's left edge, stays on screen. */
const fitsToTheRight = (button: HTMLElement) => {
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return button.getBoundingClientRect().left + BUBBLE_REM * rem <= window.innerWidth;
};

const SAID: Record<Exclude<CopyState, 'idle'>, (secret: boolean) => string> = {
  copied: (secret) =>
    secret
      ? 'Copied. The clipboard is shared with other apps: paste it where it belongs, then copy something else over it.'
      : 'Copied',
  failed: () => 'Copy blocked by the browser: select the text instead',
};

/**
 * Copies to the clipboard with a visible, announced confirmation. The confirmation floats below
 * the button (ui.css `.copy__status`), so it moves neither the buttons beside it nor the page
 * below; it hangs from the button's right edge when it would not fit on screen from its left.
 */
export function CopyButton({ getText, label, confirm, secret = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const [side, setSide] = useState<'start' | 'end'>('start');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), secret ? 8000 : 2000);
    return () => window.clearTimeout(timer);
  }, [state, secret]);

  const copy = async (button: HTMLElement) => {
    if (confirm && !window.confirm(confirm)) return;
    setSide(fitsToTheRight(button) ? 'start' : 'end');
    try {
      await navigator.clipboard.writeText(getText());
      setState('copied');
    } catch {
      // The browser refused (no permission or not a secure context): say so instead of pretending.
      setState('failed');
    }
  };

  const tone = state === 'failed' ? 'tone-bad' : 'tone-ok';
  return (
    <span className="copy">
      <button
        type="button"
        className="button button--quiet"
        onClick={(event) => void copy(event.currentTarget)}
      >
        {label}
      </button>
      <span role="status" className={`copy__status copy__status--${side} ${tone}`}>
        {state === 'idle' ? '' : SAID[state](secret)}
      </span>
    </span>
  );
}
