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

const SAID: Record<Exclude<CopyState, 'idle'>, (secret: boolean) => string> = {
  copied: (secret) =>
    secret
      ? 'Copied. The clipboard is shared with other apps: paste it where it belongs, then copy something else over it.'
      : 'Copied',
  failed: () => 'Copy blocked by the browser: select the text instead',
};

/** Room kept between the confirmation and the edge of the screen, in px. */
const MARGIN = 12;

/** Where the confirmation hangs from: the button's edge with more room toward the screen's edge. */
interface Placement {
  side: 'start' | 'end';
  /** The widest it may be there without leaving the screen (px). */
  room: number;
}

const placementOf = (button: HTMLElement): Placement => {
  const { left, right } = button.getBoundingClientRect();
  const toTheRight = window.innerWidth - left - MARGIN;
  const toTheLeft = right - MARGIN;
  return toTheRight >= toTheLeft ? { side: 'start', room: toTheRight } : { side: 'end', room: toTheLeft };
};

/**
 * Copies to the clipboard with a visible, announced confirmation. The confirmation floats below
 * the button (ui.css `.copy__status`), so it moves neither the buttons beside it nor the page
 * below; it hangs from the button's edge with more room, no wider than the screen leaves it.
 */
export function CopyButton({ getText, label, confirm, secret = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const [placement, setPlacement] = useState<Placement>({ side: 'start', room: 0 });

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), secret ? 8000 : 2000);
    return () => window.clearTimeout(timer);
  }, [state, secret]);

  const copy = async (button: HTMLElement) => {
    if (confirm && !window.confirm(confirm)) return;
    setPlacement(placementOf(button));
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
      <span
        role="status"
        className={`copy__status copy__status--${placement.side} ${tone}`}
        style={placement.room > 0 ? { maxWidth: `min(24rem, ${placement.room}px)` } : undefined}
      >
        {state === 'idle' ? '' : SAID[state](secret)}
      </span>
    </span>
  );
}
