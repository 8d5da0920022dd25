import { useEffect, useId, useRef } from 'react';
import { useAuth } from 'react-oidc-context';
import './auth.css';

interface SignOutDialogProps {
  environmentLabel: string;
  /** The dialog closed without signing out (Cancel, Escape). */
  onClose: () => void;
}

/**
 * "Sign out", confirmed first: it ends more than this tab's tokens (the realm session in this
 * browser, and the identities added here, which live in this page), and the header's "Forget
 * tokens here" is the lighter choice. A modal <dialog>, open while mounted: Escape and Cancel keep
 * everything. Loaded when asked for, so the first screen does not carry it.
 */
export function SignOutDialog({ environmentLabel, onClose }: SignOutDialogProps) {
  const auth = useAuth();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const shown = dialog.current;
    if (!shown) return;
    shown.showModal();
    // The choice that loses nothing has the focus, so Enter by habit does not end the session.
    cancel.current?.focus();
    return () => shown.close();
  }, []);
  const signOut = () => {
    dialog.current?.close();
    // replace: the signed-in page leaves history, so Back cannot bring its token back.
    void auth.signoutRedirect({ redirectMethod: 'replace' });
  };
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      className="au-confirm"
      onClose={onClose}
    >
      <h2 id={titleId} className="au-confirm__title">
        Sign out of {environmentLabel}?
      </h2>
      <ul>
        <li>
          Ends your session at the realm in this browser: the next sign-in asks for your password, and other
          apps that use that session lose it too.
        </li>
        <li>Drops this tab's tokens and any identities you added.</li>
      </ul>
      <p className="small muted">
        To drop only this tab's tokens and keep the realm session, use Forget tokens here instead.
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={signOut}>
          Sign out
        </button>
        <button ref={cancel} type="button" className="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
