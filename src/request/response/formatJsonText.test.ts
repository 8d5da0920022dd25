import { describe, expect, it } from 'vitest';
import { formatJsonText, startFormat } from './formatJsonText.ts';

/** Formats in chunks of `size` characters, as the large-body view does between frames. */
const formatInChunks = (text: string, size: number) => {
  let state = startFormat();
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    const out = formatJsonText(state, text.slice(i, i + size));
    lines.push(...out.lines);
    state = out.state;
  }
  lines.push(...formatJsonText(state, '', true).lines);
  return lines.join('\n');
};

const samples: unknown[] = [
  { a: 1, b: [1, 2, { c: 'x, y: {z}' }], d: {}, e: [], f: null, g: true },
  [{ name: 'quote " and \\ backslash', s: 'a\\"b' }, [], [[]], { '': '' }],
  'just a string',
  { nested: { deeper: { deepest: [1.5e-7, -2, 'ünï©ødé'] } } },
];

describe('formatJsonText', () => {
  it.each(samples.flatMap((value) => [1, 3, 7, 1000].map((size) => [size, value] as const)))(
    'prints like JSON.stringify(…, null, 2) in chunks of %i',
    (size, value) => {
      expect(formatInChunks(JSON.stringify(value), size)).toBe(JSON.stringify(value, null, 2));
    },
  );

  it('re-spaces JSON that is already indented differently', () => {
    const value = { a: [1, 2], b: { c: 'd' } };
    expect(formatInChunks(JSON.stringify(value, null, '\t'), 5)).toBe(JSON.stringify(value, null, 2));
  });
});
