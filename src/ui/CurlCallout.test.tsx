import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../shared/explanation.ts';
import { CurlCallout } from './CurlCallout.tsx';

const answer = (curl: string): Explanation => ({
  kind: 'refused',
  tone: 'bad',
  title: 'The API refused this token',
  next: 'Refresh the token, then send again.',
  curl,
});

describe('CurlCallout', () => {
  it('shows the explanation, then its curl with a copy button and the line that sets TOKEN', () => {
    render(
      <CurlCallout explanation={answer('curl --header "Authorization: Bearer $TOKEN" \'https://api/x\'')} />,
    );
    const group = screen.getByRole('group', { name: /The API refused this token/ });
    expect(group.textContent).toContain('Next step: Refresh the token');
    expect(screen.getByRole('region', { name: 'curl command to try it yourself' }).textContent).toContain(
      'Bearer $TOKEN',
    );
    expect(screen.getByRole('button', { name: 'Copy curl' })).toBeTruthy();
    expect(group.textContent).toContain('Set TOKEN first, in the same shell');
    expect(group.textContent).toContain("export TOKEN='<paste the access token>'");
  });

  it('says nothing of TOKEN when the command does not read it', () => {
    render(<CurlCallout explanation={answer("curl 'https://api/health'")} />);
    expect(screen.getByRole('group').textContent).not.toContain('Set TOKEN');
  });
});
