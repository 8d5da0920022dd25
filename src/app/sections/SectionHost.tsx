import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type Mount, SECTIONS, type Section } from './sectionTable.ts';

const MOUNTS: readonly Mount[] = [...new Set(SECTIONS.map((section) => section.mount))];

interface SectionHostProps {
  shown: Section;
  render: (mount: Mount) => ReactNode;
}

/**
 * One section on screen at a time. A section opened once stays mounted, hidden, so coming back to
 * it finds it as it was left (a draft, an answer, a matrix run, a pasted token); a section never
 * opened costs nothing.
 */
export function SectionHost({ shown, render }: SectionHostProps) {
  const [opened, setOpened] = useState<readonly Mount[]>([shown.mount]);
  // Derived during render (React's pattern for state that follows a prop): no frame without it.
  if (!opened.includes(shown.mount)) setOpened([...opened, shown.mount]);
  const hosts = useRef(new Map<Mount, HTMLDivElement>());
  useFocusFollows(shown.mount, hosts.current);
  return MOUNTS.filter((mount) => opened.includes(mount)).map((mount) => (
    <div
      key={mount}
      ref={(element) => {
        if (element) hosts.current.set(mount, element);
        else hosts.current.delete(mount);
      }}
      className="app-section"
      data-section={mount}
      hidden={mount !== shown.mount}
      tabIndex={-1}
    >
      {render(mount)}
    </div>
  ));
}

/**
 * A link inside a section that opens another one ("Integrate a client" in Realm) would leave the
 * keyboard's focus on a hidden element, and the next Tab would start from the top of the page. The
 * focus moves to the section that opened: its first heading, else the section itself. The nav's
 * links stay visible, so a switch from the nav keeps the focus where it is.
 */
function useFocusFollows(mount: Mount, hosts: ReadonlyMap<Mount, HTMLDivElement>) {
  useEffect(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !active.closest('[hidden]')) return;
    const host = hosts.get(mount);
    const heading = host?.querySelector<HTMLElement>('h2, h3');
    if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    (heading ?? host)?.focus();
  }, [mount, hosts]);
}
