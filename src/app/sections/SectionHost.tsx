import { type ReactNode, useState } from 'react';
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
  return MOUNTS.filter((mount) => opened.includes(mount)).map((mount) => (
    <div key={mount} className="app-section" data-section={mount} hidden={mount !== shown.mount}>
      {render(mount)}
    </div>
  ));
}
