import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function Crash(): never {
  throw new Error('A claim broke the view');
}

afterEach(() => vi.restoreAllMocks());

describe('ErrorBoundary', () => {
  it("case 17: a crashed page reloads without this tab's tokens, so the same token cannot crash it again", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    sessionStorage.setItem(
      'oidc.local.user:https://realm/realms/abrumet:abrumet-portal',
      '{"access_token":"x"}',
    );
    sessionStorage.setItem('oidc.production.user:https://auth/realms/abrumet:portal', '{"access_token":"y"}');
    sessionStorage.setItem('abrumet.request-history', '[]');
    const reload = vi.fn();
    render(
      <ErrorBoundary reload={reload}>
        <Crash />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('A claim broke the view');
    await userEvent.click(screen.getByRole('button', { name: 'Reload the portal' }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(Object.keys(sessionStorage)).toEqual(['abrumet.request-history']);
  });
});
