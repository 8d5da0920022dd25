import type { TabSession } from '../shared/token/identity.ts';
import { Callout } from '../ui/Callout.tsx';
import { RestartLoginIcon } from '../ui/RestartLoginIcon.tsx';
import { tabSessionNote } from './tabSessionNote.ts';

/**
 * Before "Add identity" opens its pop-up: what a sign-in will do to the tab's own session, and how
 * another user gets past Keycloak's re-authentication page, in the words and the icon it shows.
 */
export function TabSessionWarning({ id, tab }: { id: string; tab: TabSession }) {
  const note = tabSessionNote(tab);
  return (
    <div id={id} className="id-panel__warning">
      <Callout explanation={note} role="note" testId="tab-session-note">
        <p className="small">
          On Keycloak the pop-up says “Please re-authenticate to continue” under the name of whoever signed in
          last ({tab.who}, at first): choose <RestartLoginIcon /> beside it (“Restart login”) to sign in as
          someone else.
          {!tab.ended &&
            !tab.offline &&
            ' That click alone ends this tab’s session, even if you close the pop-up.'}
        </p>
      </Callout>
    </div>
  );
}
