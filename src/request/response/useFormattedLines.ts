import { useEffect, useState } from 'react';
import { formatJsonText, startFormat } from './formatJsonText.ts';

/** Characters handled per slice: small enough to keep each slice well under a frame's budget. */
export const SLICE = 128 * 1024;
/** Longer lines are cut, so one minified megabyte cannot become one enormous row. */
export const MAX_LINE = 2000;

export type Scheduler = (step: () => void) => () => void;

/** Between frames: requestIdleCallback where it exists (Chromium, Firefox), else a macrotask. */
export const nextIdle: Scheduler = (step) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(step, { timeout: 50 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(step, 0);
  return () => clearTimeout(id);
};

const cut = (lines: string[]) =>
  lines.flatMap((line) => {
    if (line.length <= MAX_LINE) return [line];
    const parts: string[] = [];
    for (let i = 0; i < line.length; i += MAX_LINE) parts.push(line.slice(i, i + MAX_LINE));
    return parts;
  });

/**
 * A large body as display lines, built slice by slice between frames (pretty-printed when JSON),
 * so a 10 MB answer never blocks the page: lines appear as they are ready.
 */
export function useFormattedLines(text: string, json: boolean, schedule: Scheduler = nextIdle) {
  const [state, setState] = useState<{ lines: string[]; done: number }>({ lines: [], done: 0 });

  useEffect(() => {
    let lines: string[] = [];
    let offset = 0;
    let format = startFormat();
    let carry = '';
    let cancel = () => {};
    setState({ lines: [], done: 0 });
    const step = () => {
      const end = Math.min(text.length, offset + SLICE);
      const slice = text.slice(offset, end);
      const last = end >= text.length;
      let fresh: string[];
      if (json) {
        const out = formatJsonText(format, slice, last);
        format = out.state;
        fresh = out.lines;
      } else {
        const parts = (carry + slice).split('\n');
        carry = last ? '' : (parts.pop() ?? '');
        fresh = parts;
      }
      lines = lines.concat(cut(fresh));
      offset = end;
      setState({ lines, done: text.length === 0 ? 1 : offset / text.length });
      if (!last) cancel = schedule(step);
    };
    cancel = schedule(step);
    return () => cancel();
  }, [text, json, schedule]);

  return state;
}
