import { useState } from 'react';
import { CodeBlock } from '../../ui/CodeBlock.tsx';

const PAGE = 100;

interface NodeProps {
  name?: string | undefined;
  value: unknown;
  depth: number;
  last: boolean;
  path: string;
}

/** Strings in one colour, numbers, booleans and null in another (ui.css's syntax colours). */
const valueClass = (value: unknown) => (typeof value === 'string' ? 'syntax-string' : 'syntax-literal');

/** Pretty JSON that folds: each object and array can be collapsed; long arrays show 100 at a time. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <CodeBlock as="div" className="rq-json" label="Response body">
      <JsonNode value={value} depth={0} last path="the body" />
    </CodeBlock>
  );
}

function JsonNode({ name, value, depth, last, path }: NodeProps) {
  const [open, setOpen] = useState(depth < 4);
  const [shown, setShown] = useState(PAGE);
  const indent = { paddingLeft: `${depth * 1.25}rem` };
  const comma = last ? '' : ',';
  const key =
    name === undefined ? null : (
      <>
        <span className="syntax-key">{JSON.stringify(name)}</span>:{' '}
      </>
    );
  if (value === null || typeof value !== 'object') {
    return (
      <div className="rq-json__line" style={indent}>
        {key}
        <span className={valueClass(value)}>{JSON.stringify(value)}</span>
        {comma}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: Array<[string, unknown]> = isArray
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  const [openMark, closeMark] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div className="rq-json__line" style={indent}>
        {key}
        {openMark}
        {closeMark}
        {comma}
      </div>
    );
  }
  return (
    <>
      <div className="rq-json__line" style={indent}>
        <button
          type="button"
          className="rq-json__toggle"
          aria-expanded={open}
          aria-label={`${open ? 'Collapse' : 'Expand'} ${path}`}
          onClick={() => setOpen(!open)}
        />
        {key}
        {openMark}
        {!open && (
          <>
            <span className="muted">
              {' '}
              … {entries.length} {isArray ? 'items' : 'keys'}{' '}
            </span>
            {closeMark}
            {comma}
          </>
        )}
      </div>
      {open && (
        <>
          {entries.slice(0, shown).map(([k, v], i) => (
            <JsonNode
              key={k}
              name={isArray ? undefined : k}
              value={v}
              depth={depth + 1}
              last={i === entries.length - 1}
              path={isArray ? `${path}[${k}]` : k}
            />
          ))}
          {entries.length > shown && (
            <div className="rq-json__line" style={{ paddingLeft: `${(depth + 1) * 1.25}rem` }}>
              <button
                type="button"
                className="button button--quiet small"
                onClick={() => setShown(shown + PAGE)}
              >
                Show {Math.min(PAGE, entries.length - shown)} more of {entries.length - shown}
              </button>
            </div>
          )}
          <div className="rq-json__line" style={indent}>
            {closeMark}
            {comma}
          </div>
        </>
      )}
    </>
  );
}
