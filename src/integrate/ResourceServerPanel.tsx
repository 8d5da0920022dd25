import { useId } from 'react';
import { SnippetFigure, ValuesTable } from './SnippetFigure.tsx';
import type { Snippet, ValueTable } from './snippets/snippet.ts';

interface ResourceServerPanelProps {
  values: ValueTable;
  code: Snippet[];
}

/** What the API team needs to validate the tokens of every kind of client of this realm. */
export function ResourceServerPanel({ values, code }: ResourceServerPanelProps) {
  const id = useId();
  return (
    <section className="ig-part" aria-labelledby={id}>
      <h3 id={id}>For the API team: validating these tokens</h3>
      <p className="small muted">
        The same for every kind of client: the API checks each access token itself, offline, against the
        realm's keys.
      </p>
      <ValuesTable table={values} />
      {code.map((snippet) => (
        <SnippetFigure key={snippet.id} snippet={snippet} />
      ))}
    </section>
  );
}
