import { WRITES_DATA, writesData } from '../../config/methods.ts';
import type { EndpointPreset } from '../../config/types.ts';
import { type DraftAction, METHODS, type Method, type RequestDraft } from './draft.ts';

interface RequestLineProps {
  draft: RequestDraft;
  dispatch: (action: DraftAction) => void;
  baseUrl: string;
  presets: readonly EndpointPreset[];
}

/** Preset, method and URL: what to call. */
export function RequestLine({ draft, dispatch, baseUrl, presets }: RequestLineProps) {
  return (
    <div className="rq-line">
      {presets.length > 0 && (
        <label className="rq-field rq-field--preset">
          <span className="small muted">Preset</span>
          <select
            className="input"
            value={draft.presetName ?? ''}
            onChange={(event) => {
              const preset = presets.find((p) => p.name === event.target.value);
              if (preset) dispatch({ type: 'preset', preset });
            }}
          >
            <option value="">(custom request)</option>
            {presets.map((preset) => (
              <option key={preset.name} value={preset.name}>
                {presetLabel(preset)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="rq-field rq-field--method">
        <span className="small muted">
          Method
          {writesData(draft.method) && (
            <span
              className="pill tone-warn rq-field__writes"
              title="Not a safe method: it may create, change or delete data"
            >
              {WRITES_DATA}
            </span>
          )}
        </span>
        <select
          className="input"
          value={draft.method}
          onChange={(e) => dispatch({ type: 'method', method: e.target.value as Method })}
        >
          {METHODS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
      </label>
      <label className="rq-field rq-field--url">
        <span className="small muted">URL (a path is relative to {baseUrl})</span>
        <input
          type="text"
          className="input input--code"
          value={draft.url}
          spellCheck={false}
          autoComplete="off"
          placeholder="/api/v1/me or https://…"
          onChange={(e) => dispatch({ type: 'url', url: e.target.value })}
        />
      </label>
    </div>
  );
}

/** "Create patient (needs therapist · writes data)" */
function presetLabel(preset: EndpointPreset): string {
  const notes = [
    ...(preset.requiredRole ? [`needs ${preset.requiredRole}`] : []),
    ...(writesData(preset.method) ? [WRITES_DATA] : []),
  ];
  return notes.length ? `${preset.name} (${notes.join(' · ')})` : preset.name;
}
