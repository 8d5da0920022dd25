export type JsonCheck =
  | { ok: true }
  | { ok: false; message: string; line: number; column: number; offset: number };

/**
 * Checks a JSON body before it is sent and points at the first error by line and column. JSON.parse
 * decides; browsers disagree on whether and how their messages give a position (V8 often gives
 * none), so a small RFC 8259 scanner finds where it went wrong.
 */
export function validateJson(text: string): JsonCheck {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (cause) {
    const found = locateJsonError(text);
    const message = found?.message ?? (cause instanceof Error ? cause.message : String(cause));
    const offset = found?.offset ?? 0;
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    return { ok: false, message: `${message} at line ${line}, column ${column}`, line, column, offset };
  }
}

class JsonSyntax extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function locateJsonError(text: string): { message: string; offset: number } | null {
  let i = 0;
  const describe = (at: number) =>
    at >= text.length ? 'the body ends too early' : `unexpected ${JSON.stringify(text[at])}`;
  const fail = (expected: string, at = i): never => {
    throw new JsonSyntax(`Expected ${expected}, but ${describe(at)}`, at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('no raw control character (write \\n) inside a string');
      if (text[i] === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('four hex digits after \\u', i + 1);
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('an escape like \\n, \\" or \\\\');
      }
      i += 1;
    }
    if (i >= text.length) fail('a closing double quote');
    i += 1;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i += 1;
      space();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        space();
        if (text[i] !== ':') fail('":" after the property name');
        i += 1;
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail('"," or "}"');
      }
    }
    if (c === '[') {
      i += 1;
      space();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail('"," or "]"');
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!literal) fail('a value (string in double quotes, number, object, array, true, false or null)');
    i += literal?.[0].length ?? 0;
  };
  try {
    value();
    space();
    if (i < text.length) fail('the end of the body');
    return null;
  } catch (error) {
    if (error instanceof JsonSyntax) return { message: error.message, offset: error.offset };
    throw error;
  }
}
