const SECTIONS = [
  { id: 'token-view', label: 'Token' },
  { id: 'identities-view', label: 'Identities' },
  { id: 'request-view', label: 'Call the API' },
  { id: 'inspect-view', label: 'Inspect' },
  { id: 'realm-view', label: 'Realm' },
  { id: 'integrate-view', label: 'Integrate' },
];

/**
 * Jumps between the parts of a long page. Buttons that scroll, not #fragment links, so jumping
 * adds nothing to the address bar or to history.
 */
export function SectionNav() {
  return (
    <nav className="app-nav" aria-label="Sections">
      {SECTIONS.map((section) => (
        <button
          key={section.id}
          type="button"
          className="app-nav__link"
          onClick={() =>
            document.getElementById(section.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })
          }
        >
          {section.label}
        </button>
      ))}
    </nav>
  );
}
