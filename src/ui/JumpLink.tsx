import type { ReactNode } from 'react';

/**
 * Scrolls to a part of this page and opens it when it is a closed <details>, moving the focus to
 * it (its summary) so keyboard and screen reader users land where they asked to go. False when the
 * part is not on the page (yet).
 */
export function jumpTo(id: string, root: Document = document): boolean {
  const target = root.getElementById(id);
  if (!target) return false;
  if (target instanceof HTMLDetailsElement) target.open = true;
  target.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  const focusable = target.querySelector('summary') ?? target;
  focusable.focus({ preventScroll: true });
  return true;
}

interface JumpLinkProps {
  /** The id of the part of the page to go to. */
  to: string;
  children: ReactNode;
}

/**
 * A link within the page that adds no #fragment to the address bar or to history (as the section
 * nav's buttons). Until the target is on the page, it is an ordinary #fragment link.
 */
export function JumpLink({ to, children }: JumpLinkProps) {
  return (
    <a
      href={`#${to}`}
      onClick={(event) => {
        if (jumpTo(to)) event.preventDefault();
      }}
    >
      {children}
    </a>
  );
}
