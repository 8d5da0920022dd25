import { Component, type ErrorInfo, type ReactNode } from 'react';
import { dropStoredUsers } from '../auth/dropStoredUsers.ts';
import { Callout } from '../ui/Callout.tsx';

interface Props {
  children: ReactNode;
  /** Injected in tests: loading the portal anew. */
  reload?: () => void;
}
interface State {
  error: Error | null;
}

/** The last line of defence: an unexpected error shows a page with a way out, never a white screen. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Reported, not swallowed. The message never holds a token: we only render error.message.
    console.error('Portal crashed:', error.message, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="app-page">
        <Callout
          heading="h1"
          role="alert"
          explanation={{
            kind: 'crash',
            tone: 'bad',
            title: 'Something went wrong in the portal',
            detail: error.message,
            next: "Reload the portal. This tab's tokens are dropped first, in case one of them caused this (a reload would read it again); the realm still knows you, so signing in again does not ask for your password.",
          }}
        >
          <button
            type="button"
            className="button"
            onClick={() => {
              dropStoredUsers(window.sessionStorage);
              (this.props.reload ?? (() => window.location.assign('/')))();
            }}
          >
            Reload the portal
          </button>
        </Callout>
      </main>
    );
  }
}
