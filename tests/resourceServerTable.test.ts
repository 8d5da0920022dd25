import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseTableMarkdown } from './support/resourceServerCases.ts';

describe("the README's resource-server table", () => {
  it('is the table the browser test asserts, word for word', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const between = /<!-- resource-server-table -->\n([\s\S]*?)\n<!-- \/resource-server-table -->/.exec(
      readme,
    );
    // Cells compared trimmed: the formatter pads the README's columns.
    const cells = (table: string) =>
      table
        .split('\n')
        .map((row) => row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^-+$/, '---')));
    expect(cells(between?.[1] ?? '')).toEqual(cells(caseTableMarkdown()));
  });
});
