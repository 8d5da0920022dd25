// First, before anything else is evaluated: start fetching what the page needs (earlyStart.ts).
import './app/earlyStart.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ConfigErrorPage } from './app/ConfigErrorPage.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { configLoading } from './app/earlyStart.ts';
import { finishIdentityPopup, isIdentityPopupCallback } from './app/identityPopupCallback.ts';
import './ui/ui.css';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

if (isIdentityPopupCallback(window.location)) {
  // The popup of an extra identity's sign-in: relay the answer to the page that opened it.
  root.render(<p>Signing in… this window closes by itself.</p>);
  await finishIdentityPopup(window.location.href);
} else {
  const result = await configLoading;
  root.render(
    <StrictMode>
      <ErrorBoundary>
        {result.ok ? <App config={result.config} /> : <ConfigErrorPage problems={result.problems} />}
      </ErrorBoundary>
    </StrictMode>,
  );
}
