import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
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
      <main className="page">
        <section className="card card--error" role="alert">
          <h1>Something went wrong in the portal</h1>
          <p>{error.message}</p>
          <p>Reload the page to start again. Your sign-in in this tab is kept.</p>
          <button type="button" className="button" onClick={() => window.location.assign('/')}>
            Reload the portal
          </button>
        </section>
      </main>
    );
  }
}
