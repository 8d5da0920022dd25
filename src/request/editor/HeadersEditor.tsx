import type { DraftAction, HeaderRow } from './draft.ts';

interface HeadersEditorProps {
  rows: HeaderRow[];
  dispatch: (action: DraftAction) => void;
}

/** Request headers: add, remove, or switch a row off without losing it. */
export function HeadersEditor({ rows, dispatch }: HeadersEditorProps) {
  return (
    <fieldset className="rq-fieldset">
      <legend>Headers</legend>
      {rows.length === 0 && <p className="small muted">No headers of your own.</p>}
      <ul className="rq-fieldset__list">
        {rows.map((row, i) => {
          const n = i + 1;
          const edit = (patch: Partial<Omit<HeaderRow, 'id'>>) =>
            dispatch({ type: 'edit-header', id: row.id, patch });
          const text = (field: 'name' | 'value', placeholder: string) => (
            <input
              type="text"
              className="input input--code"
              value={row[field]}
              aria-label={`Header ${n} ${field}`}
              placeholder={placeholder}
              spellCheck={false}
              onChange={(e) => edit({ [field]: e.target.value })}
            />
          );
          return (
            <li key={row.id} className={row.enabled ? 'rq-header' : 'rq-header rq-header--off'}>
              <input
                type="checkbox"
                checked={row.enabled}
                aria-label={`Send header ${n}`}
                onChange={(e) => edit({ enabled: e.target.checked })}
              />
              {text('name', 'Name')}
              {text('value', 'Value')}
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove header ${n}`}
                onClick={() => dispatch({ type: 'remove-header', id: row.id })}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button--quiet small"
        onClick={() => dispatch({ type: 'add-header' })}
      >
        + Add header
      </button>
    </fieldset>
  );
}
