import type { Explanation } from '../../shared/explanation.ts';

/** What a refresh answer said besides the new access token. */
export interface RefreshAnswer {
  refreshToken: string | undefined;
  /** The token response's `scope` (RFC 6749 §5.1), as oidc-client-ts keeps it. */
  scope: string | undefined;
}

export type RefreshNote = Explanation<'refresh-token-kept' | 'refresh-token-dropped' | 'scope-changed'>;

const scopes = (scope: string | undefined) => new Set((scope ?? '').split(' ').filter(Boolean));

/**
 * What a refresh changed that the access token does not show (case 31): a refresh token that did
 * not come (kept while the realm does not rotate them, dropped by PortalUserManager once it has),
 * and a granted scope that changed. Nothing when all is as usual.
 */
export function refreshNotes(before: RefreshAnswer, after: RefreshAnswer): RefreshNote[] {
  const notes: RefreshNote[] = [];
  if (before.refreshToken !== undefined && after.refreshToken === before.refreshToken) {
    notes.push({
      kind: 'refresh-token-kept',
      tone: 'info',
      title: 'The answer held no new refresh token: the previous one is kept',
      detail:
        'The realm does not rotate refresh tokens here (RFC 6749 §6 lets it keep the old one valid), so the next refresh presents the same one again.',
    });
  } else if (before.refreshToken !== undefined && after.refreshToken === undefined) {
    notes.push({
      kind: 'refresh-token-dropped',
      tone: 'warn',
      title: 'The answer held no new refresh token, and the previous one is spent',
      detail:
        'This realm rotated refresh tokens before, so the one the tab held was used up by this refresh; presenting it again would make the realm end the session. The portal dropped it: this access token cannot be renewed.',
      next: 'Use this access token until it expires, then sign in again.',
    });
  }
  const was = scopes(before.scope);
  const now = scopes(after.scope);
  const dropped = [...was].filter((scope) => !now.has(scope));
  const added = [...now].filter((scope) => !was.has(scope));
  if (before.scope !== undefined && after.scope !== undefined && (dropped.length || added.length)) {
    const lost = dropped.length ? `no longer granted: ${dropped.join(', ')}` : '';
    const gained = added.length ? `newly granted: ${added.join(', ')}` : '';
    const change = [lost, gained].filter(Boolean).join('; ');
    notes.push(
      dropped.length
        ? {
            kind: 'scope-changed',
            tone: 'warn',
            title: `The refresh narrowed the scope: ${change}`,
            detail: `The realm granted “${after.scope}” where the session had “${before.scope}”. Calls that need what was dropped will now be refused (403 insufficient_scope).`,
            next: 'If you need the dropped scope, sign in again (scopes are granted at sign-in), or ask the realm admin why the client lost it.',
          }
        : {
            kind: 'scope-changed',
            tone: 'info',
            title: `The refresh changed the scope: ${change}`,
            detail: `The realm granted “${after.scope}” where the session had “${before.scope}”.`,
          },
    );
  }
  return notes;
}
