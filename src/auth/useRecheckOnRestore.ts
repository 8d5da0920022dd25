import type { UserManager } from 'oidc-client-ts';
import { useEffect } from 'react';

type Manager = Pick<UserManager, 'getUser' | 'removeUser'>;

/**
 * Back and Forward may restore this page from the back/forward cache exactly as it was left,
 * token on screen, even after the tokens were forgotten or the realm signed out in the meantime.
 * So a page going into that cache hides its content, and a restored page re-reads the token store
 * before showing anything: raising `userLoaded` or `userUnloaded` brings react-oidc-context in line.
 */
export function useRecheckOnRestore(userManager: Manager): void {
  useEffect(() => {
    const root = document.documentElement;
    const onHide = (event: PageTransitionEvent) => {
      if (event.persisted) root.dataset.restoring = '';
    };
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      void (async () => {
        try {
          const user = await userManager.getUser(true);
          if (!user) await userManager.removeUser();
        } finally {
          delete root.dataset.restoring;
        }
      })();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
    };
  }, [userManager]);
}
