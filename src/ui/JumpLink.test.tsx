import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { JumpLink } from './JumpLink.tsx';

describe('JumpLink', () => {
  it('opens the closed part it points to and moves the focus there, without a #fragment', async () => {
    const user = userEvent.setup();
    render(
      <StrictMode>
        <JumpLink to="guide">Integrate a client</JumpLink>
        <details id="guide">
          <summary>The guide</summary>
          <p>Inside</p>
        </details>
      </StrictMode>,
    );
    const details = document.getElementById('guide') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await user.click(screen.getByRole('link', { name: 'Integrate a client' }));
    expect(details.open).toBe(true);
    expect(document.activeElement?.textContent).toBe('The guide');
    expect(window.location.hash).toBe('');
  });

  it('stays an ordinary link while the part is not on the page', () => {
    render(<JumpLink to="nowhere">Elsewhere</JumpLink>);
    expect(screen.getByRole('link', { name: 'Elsewhere' }).getAttribute('href')).toBe('#nowhere');
  });
});
