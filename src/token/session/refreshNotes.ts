import type { Explanation } from '../../shared/explanation.ts';
import { keptRefreshToken, type RefreshAnswer } from './refreshAnswer.ts';

export type RefreshNote = Explanation<'refresh-token-kept' | 'refresh-token-dropped' | 'scope-changed'>;

const scopes = (scope: string | undefined) => new Set((scope ?? '').split(' ').filter(Boolean));

/**
 * What a refresh changed that the access token does not show (case 31): a refresh token that did
 * not come (kept while the realm has not been seen rotating them, dropped by PortalUserManager once
 * it has), and a granted scope that changed. Nothing when all is as usual.
 *
 * An answer without a refresh token does not say whether the realm rotates them (RFC 6749 §6: it
 * MAY issue a new one), so a kept one is said to be possibly spent; only a refresh that presented a
 * kept one and succeeded (`presentedKept`) shows the realm takes a refresh token more than once.
 */
export function refreshNotes(
  before: RefreshAnswer,
  after: RefreshAnswer,
  presentedKept = false,
): RefreshNote[] {
  const notes: RefreshNote[] = [];
  if (keptRefreshToken(before, after)) {
    notes.push(
      presentedKept
        ? {
            kind: 'refresh-token-kept',
            tone: 'info',
            title: 'The realm took the kept refresh token again: it is kept for the next refresh',
            detail:
              'This refresh presented the refresh token kept from an earlier answer that held none, and the realm accepted it: this realm lets a refresh token be used more than once (it does not rotate them, or allows some reuse). The answer again held no new one, so the next refresh presents the same one.',
          }
        : {
            kind: 'refresh-token-kept',
            tone: 'warn',
            title: 'The answer held no new refresh token: the previous one is kept, but may already be spent',
            detail:
              'An answer without a refresh token does not say whether the realm rotates them. If it does not (RFC 6749 §6 lets it keep the old one valid), the next refresh presents the same one and works. If it does (Keycloak: Revoke Refresh Token), this refresh used it up, and presenting it again makes the realm refuse it as a refresh token used twice, which ends the session.',
            next: 'This access token works until it expires. The next Refresh tells which it is: if it ends the session, sign in again.',
          },
    );
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
