/**
 * Keycloak's "Restart login", as its login page (theme keycloak.v2, Keycloak 26) shows it: a square
 * button holding two arrows chasing each other round (Font Awesome's sync-alt), beside the name it
 * asks to re-authenticate; its words only as the button's label and a tooltip on hover. Drawn here
 * so the help points at what the user will see; read out as the button's own label.
 */
export function RestartLoginIcon() {
  return (
    <span className="realm-button" role="img" aria-label="⟳ (Restart login)">
      <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
        <path d="M2.6 7.2A5.5 5.5 0 0 1 12 4.2" fill="none" stroke="currentColor" strokeWidth="1.9" />
        <path d="M14.2 1.6v4.9H9.3z" fill="currentColor" />
        <path d="M13.4 8.8A5.5 5.5 0 0 1 4 11.8" fill="none" stroke="currentColor" strokeWidth="1.9" />
        <path d="M1.8 14.4V9.5h4.9z" fill="currentColor" />
      </svg>
    </span>
  );
}
