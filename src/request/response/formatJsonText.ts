/** Where a streaming format stopped, so the next chunk continues it. */
export interface FormatState {
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** An opening bracket whose line is not decided yet (`{}` stays on one line). */
  pendingOpen: string;
  line: string;
}

export const startFormat = (): FormatState => ({
  depth: 0,
  inString: false,
  escaped: false,
  pendingOpen: '',
  line: '',
});

const INDENT = '  ';

/**
 * Pretty-prints JSON text chunk by chunk without parsing it, so a 10 MB body is formatted in
 * slices between frames instead of one long JSON.parse + stringify that freezes the page. It only
 * re-spaces: valid JSON comes out as JSON.stringify(value, null, 2) would print it.
 * Returns the completed lines; the unfinished one stays in the state. Call with `final` to flush.
 */
export function formatJsonText(
  state: FormatState,
  chunk: string,
  final = false,
): { lines: string[]; state: FormatState } {
  const lines: string[] = [];
  let { depth, inString, escaped, pendingOpen, line } = state;
  const newline = () => {
    lines.push(line);
    line = INDENT.repeat(Math.max(0, depth));
  };
  const openPending = () => {
    if (!pendingOpen) return;
    line += pendingOpen;
    pendingOpen = '';
    depth += 1;
    newline();
  };
  let i = 0;
  while (i < chunk.length) {
    if (inString) {
      // Copy runs of plain string characters at once: strings are most of a large body.
      let j = i;
      while (j < chunk.length) {
        const c = chunk[j];
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          j += 1;
          break;
        }
        j += 1;
      }
      line += chunk.slice(i, j);
      i = j;
      continue;
    }
    const c = chunk[i] ?? '';
    i += 1;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (pendingOpen) {
      if ((pendingOpen === '{' && c === '}') || (pendingOpen === '[' && c === ']')) {
        line += pendingOpen + c;
        pendingOpen = '';
        continue;
      }
      openPending();
    }
    if (c === '{' || c === '[') pendingOpen = c;
    else if (c === '}' || c === ']') {
      depth -= 1;
      newline();
      line = INDENT.repeat(Math.max(0, depth)) + c;
    } else if (c === ',') {
      line += c;
      newline();
    } else if (c === ':') line += ': ';
    else {
      if (c === '"') inString = true;
      line += c;
    }
  }
  if (final) {
    if (pendingOpen) line += pendingOpen;
    pendingOpen = '';
    if (line !== '') lines.push(line);
    line = '';
  }
  return { lines, state: { depth, inString, escaped, pendingOpen, line } };
}
