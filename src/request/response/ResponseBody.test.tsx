import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { ResponseBody } from './ResponseBody.tsx';

/** A response body, read as a browser reads it (src/test/setup.ts). */
const blobOf = (body: string | Uint8Array<ArrayBuffer>) => new Response(body).blob();

import type { Scheduler } from './useFormattedLines.ts';

/** A scheduler the test drives: each step() runs one pending slice. */
const manualScheduler = () => {
  const queue: Array<() => void> = [];
  const schedule: Scheduler = (step) => {
    queue.push(step);
    return () => {
      const i = queue.indexOf(step);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  return { schedule, step: () => queue.shift()?.(), pending: () => queue.length };
};

const largeJson = (items: number) =>
  JSON.stringify(
    Array.from({ length: items }, (_, id) => ({ id, name: `Patient ${id}`, note: 'x'.repeat(40) })),
  );

describe('ResponseBody', () => {
  it('shows small JSON as a tree that folds', async () => {
    const user = userEvent.setup();
    const body = await blobOf('{"sub":"s1","realm_access":{"roles":["therapist"]}}');
    render(
      <StrictMode>
        <ResponseBody body={body} contentType="application/json" />
      </StrictMode>,
    );
    const toggle = await screen.findByRole('button', { name: 'Collapse realm_access' });
    expect(document.body.textContent).toContain('"roles": [');
    expect(document.body.textContent).toContain('"therapist"');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Expand realm_access' })).toHaveProperty(
      'ariaExpanded',
      'false',
    );
    expect(document.body.textContent).not.toContain('"therapist"');
    expect(document.body.textContent).toContain('… 1 keys');
  });

  it('case 41: shows HTML (scripts included) as text, never rendered', async () => {
    const body = await blobOf('<script>alert(1)</script><h1>Hello</h1>');
    render(<ResponseBody body={body} contentType="text/html; charset=utf-8" />);
    expect(await screen.findByText('<script>alert(1)</script><h1>Hello</h1>')).toBeTruthy();
    expect(screen.getByText('HTML is shown as text, never rendered.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Hello' })).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('case 41: shows binary as its type and size, not as text', async () => {
    const body = await blobOf(new Uint8Array(2048).map((_, i) => i % 256));
    render(<ResponseBody body={body} contentType="application/octet-stream" />);
    expect((await screen.findByText(/Binary body/)).textContent).toContain(
      'application/octet-stream, 2.0 KB',
    );
  });

  it('formats a large JSON body a slice at a time and draws only the lines in view', async () => {
    const text = largeJson(20_000); // about 1.5 MB
    const body = await blobOf(text);
    const { schedule, step, pending } = manualScheduler();
    render(
      <StrictMode>
        <ResponseBody body={body} contentType="application/json" schedule={schedule} />
      </StrictMode>,
    );
    const lines = await screen.findByRole('region', { name: 'Body lines' });
    expect(pending()).toBe(1);
    step();
    // One slice in: a part of the body is formatted, the rest waits for the next slices.
    await waitFor(() => expect(screen.getByText(/Formatting… \d+%/)).toBeTruthy());
    const rows = () => within(lines).getAllByText(/./, { selector: '.rq-vlines__row' });
    expect(rows().length).toBeLessThan(100);
    expect(pending()).toBe(1);
    while (pending() > 0) step();
    const total = JSON.stringify(JSON.parse(text), null, 2).split('\n').length;
    await waitFor(() =>
      expect(screen.getByText(new RegExp(`${total.toLocaleString('en-US')} lines`))).toBeTruthy(),
    );
    expect(rows().length).toBeLessThan(100);
    expect(rows()[0]?.textContent).toBe('[');
    expect(rows()[2]?.textContent).toBe('    "id": 0,');
  });
});
