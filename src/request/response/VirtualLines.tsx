import { useState } from 'react';

interface VirtualLinesProps {
  lines: readonly string[];
  label: string;
  /** Must match the CSS row height (.rq-vlines__row). */
  rowHeight?: number;
  visibleRows?: number;
}

const OVERSCAN = 20;

/**
 * Renders only the rows in view (plus a margin) of a possibly huge list of lines: the scroll
 * height is faked with a spacer, so 500,000 lines cost the DOM about 60 rows.
 */
export function VirtualLines({ lines, label, rowHeight = 18, visibleRows = 28 }: VirtualLinesProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil(scrollTop / rowHeight) + visibleRows + OVERSCAN);
  // Rows are positions in the text, so the row number is their identity.
  const rows = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
  return (
    <section
      className="code-block rq-vlines"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
      style={{ height: Math.min(lines.length, visibleRows) * rowHeight + 16 }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div style={{ height: lines.length * rowHeight, position: 'relative' }}>
        <div className="rq-vlines__window" style={{ top: first * rowHeight }}>
          {rows.map((row) => (
            <div key={row} className="rq-vlines__row" style={{ height: rowHeight }} data-line={row + 1}>
              {lines[row] || ' '}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
