import { describe, expect, it } from 'vitest';
import { draftReducer, initialDraft } from './draft.ts';

const whoAmI = { name: 'Who am I', method: 'GET', path: '/api/v1/me' };
const create = {
  name: 'Create patient',
  method: 'post',
  path: '/api/v1/patients',
  body: '{}',
  requiredRole: 'therapist',
};
const presets = [whoAmI, create];

describe('draftReducer', () => {
  it('starts from the first preset', () => {
    expect(initialDraft(presets)).toMatchObject({ method: 'GET', url: '/api/v1/me', presetName: 'Who am I' });
    expect(initialDraft([]).url).toBe('/api/v1/me');
    expect(initialDraft([]).presetName).toBeUndefined();
  });

  it('applies a preset and forgets it once method or URL change', () => {
    const draft = draftReducer(initialDraft([]), { type: 'preset', preset: create });
    expect(draft).toMatchObject({
      method: 'POST',
      url: '/api/v1/patients',
      body: '{}',
      presetName: 'Create patient',
    });
    expect(draftReducer(draft, { type: 'url', url: '/x' }).presetName).toBeUndefined();
    expect(draftReducer(draft, { type: 'method', method: 'PUT' }).presetName).toBeUndefined();
    expect(draftReducer(draft, { type: 'body', body: '{"a":1}' }).presetName).toBe('Create patient');
  });

  it('adds, disables and removes header rows', () => {
    let draft = initialDraft([]);
    draft = draftReducer(draft, { type: 'add-header', name: 'X-Trace', value: '1' });
    const added = draft.headers.at(-1);
    expect(added).toMatchObject({ name: 'X-Trace', value: '1', enabled: true });
    draft = draftReducer(draft, { type: 'edit-header', id: added?.id ?? 0, patch: { enabled: false } });
    expect(draft.headers.at(-1)?.enabled).toBe(false);
    draft = draftReducer(draft, { type: 'remove-header', id: added?.id ?? 0 });
    expect(draft.headers.map((h) => h.name)).toEqual(['Accept']);
  });
});
