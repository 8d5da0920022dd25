/**
 * The realm's user events in Keycloak's admin console, from the realm URL (the authority):
 * `https://host[/auth]/realms/<realm>` → `https://host[/auth]/admin/master/console/#/<realm>/events`.
 * The console (Keycloak 19+) routes `/:realm/events` in its hash router; admins sign in to it
 * through the `master` realm unless they administer only their own realm. Null when the authority
 * is not shaped like a Keycloak realm URL.
 */
export function adminEventsUrl(authority: string, adminRealm = 'master'): string | null {
  const url = URL.parse(authority);
  const match = url ? /^(.*)\/realms\/([^/]+)\/?$/.exec(url.pathname) : null;
  if (!url || !match) return null;
  const [, base = '', realm = ''] = match;
  return `${url.origin}${base}/admin/${encodeURIComponent(adminRealm)}/console/#/${realm}/events`;
}
