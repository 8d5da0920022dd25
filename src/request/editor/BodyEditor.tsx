import { useId, useRef } from 'react';
import type { DraftAction, RequestDraft } from './draft.ts';
import { validateJson } from './validateJson.ts';

interface BodyEditorProps {
  draft: RequestDraft;
  dispatch: (action: DraftAction) => void;
}

/** The body, as JSON (checked as you type, and before sending) or as plain text. */
export function BodyEditor({ draft, dispatch }: BodyEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const noBody = draft.method === 'GET' || draft.method === 'HEAD';
  const check =
    draft.bodyMode === 'json' && draft.body.trim() !== '' ? validateJson(draft.body) : { ok: true as const };

  const showError = () => {
    if (check.ok || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(check.offset, Math.min(check.offset + 1, draft.body.length));
  };

  return (
    <fieldset className="rq-fieldset">
      <legend>Body</legend>
      <div className="rq-editor__modes" role="radiogroup" aria-label="Body format">
        {(['json', 'text'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={`${errorId}-mode`}
              checked={draft.bodyMode === mode}
              onChange={() => dispatch({ type: 'body-mode', mode })}
            />{' '}
            {mode === 'json' ? 'JSON' : 'Text'}
          </label>
        ))}
      </div>
      <textarea
        ref={area}
        className="input input--code rq-editor__area"
        aria-label="Request body"
        aria-invalid={!check.ok}
        aria-describedby={check.ok ? undefined : errorId}
        value={draft.body}
        rows={5}
        spellCheck={false}
        placeholder={noBody ? '(not sent with GET or HEAD)' : '{ "name": "Ada Example" }'}
        onChange={(e) => dispatch({ type: 'body', body: e.target.value })}
      />
      {noBody && draft.body.trim() !== '' && (
        <p className="small text-warn">{draft.method} requests carry no body: this body is not sent.</p>
      )}
      {!check.ok && (
        <p id={errorId} className="small text-bad">
          Invalid JSON: {check.message}.{' '}
          <button type="button" className="button button--quiet small" onClick={showError}>
            Show the error
          </button>
        </p>
      )}
    </fieldset>
  );
}
