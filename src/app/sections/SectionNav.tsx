import { sectionHref } from '../../shared/sections.ts';
import { labelOf, type Section } from './sectionTable.ts';

interface SectionNavProps {
  sections: readonly Section[];
  /** The section on screen (a session's section shows the sign-in while signed out). */
  current: Section['id'];
  signedIn: boolean;
}

/**
 * The workspace's sections, as links: each has its own address, so it can be shared, opened in a
 * new tab, and Back returns to the previous one. The address holds the section's name only.
 */
export function SectionNav({ sections, current, signedIn }: SectionNavProps) {
  return (
    <nav className="app-nav" aria-label="Sections">
      {sections.map((section) => (
        <a
          key={section.id}
          href={sectionHref(section.id)}
          className="app-nav__link"
          aria-current={section.id === current ? 'page' : undefined}
        >
          {labelOf(section, signedIn)}
        </a>
      ))}
    </nav>
  );
}
