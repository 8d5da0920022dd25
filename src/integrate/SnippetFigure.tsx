import { useId } from 'react';
import { CopyButton } from '../ui/CopyButton.tsx';
import type { Snippet, ValueTable } from './snippets/snippet.ts';

/** One piece of code: its title, the code as it is copied, and how to run it. */
export function SnippetFigure({ snippet }: { snippet: Snippet }) {
  const titleId = useId();
  return (
    // Named by its title alone, not by the Copy button beside it in the caption.
    <figure className="ig-snippet" data-snippet={snippet.id} aria-labelledby={titleId}>
      <figcaption className="ig-snippet__head">
        <strong id={titleId}>{snippet.title}</strong>
        <CopyButton label="Copy" getText={() => snippet.code} />
      </figcaption>
      <pre className="code-block ig-snippet__code" data-language={snippet.language}>
        <code>{snippet.code}</code>
      </pre>
      <p className="small muted">{snippet.run}</p>
    </figure>
  );
}

/** Configuration values, one per row, with what each is for. */
export function ValuesTable({ table }: { table: ValueTable }) {
  return (
    <table className="table ig-values">
      <caption>{table.title}</caption>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            <td>
              <code>{row.value}</code>
              {row.note && <span className="small muted"> · {row.note}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
