import { describe, expect, it } from 'vitest';
import { validateJson } from './validateJson.ts';

describe('validateJson', () => {
  it.each(['{}', '[1, 2]', '{\n  "name": "Ada"\n}', '"text"', ' -1.5e3 ', '{"a":"\\u00e9\\n"}'])(
    'accepts %j',
    (text) => {
      expect(validateJson(text)).toEqual({ ok: true });
    },
  );

  it.each([
    ['a trailing comma', '{\n  "name": "Ada",\n}', 3, 1, 'a property name'],
    ['a missing quote', '{\n  "name": Ada\n}', 2, 11, 'a value'],
    ['single quotes', "{'a': 1}", 1, 2, 'a property name'],
    ['a cut body', '{\n  "name": "Ada"', 2, 16, 'ends too early'],
    ['an empty body', '', 1, 1, 'ends too early'],
    ['a missing comma', '[1\n 2]', 2, 2, '"," or "]"'],
    ['text after the value', '{} x', 1, 4, 'the end of the body'],
    ['a bad escape', '"a\\x"', 1, 4, 'an escape'],
    ['a raw newline in a string', '"a\nb"', 1, 3, 'control character'],
  ])('points at %s by line and column', (_name, text, line, column, message) => {
    const result = validateJson(text);
    expect(result).toMatchObject({ ok: false, line, column });
    if (!result.ok) {
      expect(result.message).toContain(`line ${line}, column ${column}`);
      expect(result.message).toContain(message);
    }
  });
});
