import { describe, expect, it } from 'vitest';
import { sessionTokens } from '../../shared/token/sessionTokens.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { draftReducer, initialDraft, type RequestDraft } from '../editor/draft.ts';
import { type PrepareContext, prepareRequest } from './prepareRequest.ts';

const therapist = fakeJwt({
  sub: 't',
  preferred_username: 'therapist',
  realm_access: { roles: ['therapist'] },
});
const patient = fakeJwt({ sub: 'p', preferred_username: 'patient', realm_access: { roles: ['patient'] } });
const listPatients = {
  name: 'List patients',
  method: 'GET',
  path: '/api/v1/patients',
  requiredRole: 'therapist',
};

const context = (overrides: Partial<PrepareContext> = {}): PrepareContext => ({
  environment: {
    production: false,
    label: 'Acceptance',
    presets: [listPatients],
    api: {
      baseUrl: 'https://api.example.org',
      allowedOrigins: ['https://api.example.org'],
      requiredRole: 'therapist',
    },
  },
  tokens: sessionTokens({ access: therapist }),
  serverNow: 0,
  confirmedOrigins: [],
  ...overrides,
});
const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({ ...initialDraft([]), ...patch });

describe('prepareRequest', () => {
  it('builds the exact request with the bearer', () => {
    const prepared = prepareRequest(draft(), context());
    expect(prepared).toMatchObject({
      ok: true,
      asks: [],
      request: {
        method: 'GET',
        url: 'https://api.example.org/api/v1/me',
        headers: [
          ['Accept', 'application/json'],
          ['Authorization', `Bearer ${therapist}`],
        ],
      },
    });
  });

  it('adds Content-Type for a JSON body and ignores a body on GET', () => {
    const post = prepareRequest(draft({ method: 'POST', body: '{"a":1}' }), context());
    expect(post.ok && post.request).toMatchObject({
      body: '{"a":1}',
      headers: expect.arrayContaining([['Content-Type', 'application/json']]),
    });
    const get = prepareRequest(draft({ body: '{"a":1}' }), context());
    expect(get.ok && get.bodyIgnored).toBe(true);
    expect(get.ok && get.request.body).toBeUndefined();
    const text = prepareRequest(draft({ method: 'POST', body: 'hi', bodyMode: 'text' }), context());
    expect(text.ok && text.browserHeaders).toEqual([['Content-Type', 'text/plain;charset=UTF-8']]);
  });

  it('points at invalid JSON, unless asked to send it anyway', () => {
    const bad = draft({ method: 'POST', body: '{\n  "a": 1,\n}' });
    expect(prepareRequest(bad, context())).toMatchObject({
      ok: false,
      problem: { kind: 'json', title: expect.stringContaining('at line 3, column 1') },
    });
    expect(prepareRequest(bad, context({ sendInvalidJson: true }))).toMatchObject({
      ok: true,
      request: { body: bad.body },
    });
  });

  it('sends no Authorization for "No token"', () => {
    const prepared = prepareRequest(draft({ tokenChoice: 'none' }), context());
    expect(prepared.ok && prepared.request.headers).toEqual([['Accept', 'application/json']]);
  });

  it('asks before the bearer goes to an origin off the allowlist', () => {
    const prepared = prepareRequest(draft({ url: 'https://api.example.org.evil.com/x' }), context());
    expect(prepared).toMatchObject({
      ok: true,
      asks: [{ kind: 'origin', origin: 'https://api.example.org.evil.com' }],
    });
    const confirmed = prepareRequest(
      draft({ url: 'https://api.example.org.evil.com/x' }),
      context({ confirmedOrigins: ['https://api.example.org.evil.com'] }),
    );
    expect(confirmed.ok && confirmed.asks).toEqual([]);
  });

  it.each([
    ['http to a remote host', draft({ url: 'http://api.example.org/x' }), 'target'],
    ['credentials in the URL', draft({ url: 'https://a@api.example.org/x' }), 'target'],
    ['an unavailable token', draft({ tokenChoice: 'expired' }), 'token'],
    ['a bad header name', draft({ headers: [{ id: 1, name: 'X Y', value: '1', enabled: true }] }), 'header'],
    [
      'a second Authorization',
      draft({ headers: [{ id: 1, name: 'authorization', value: 'Basic x', enabled: true }] }),
      'header',
    ],
    ['an empty URL', draft({ url: ' ' }), 'url'],
  ])('stops %s', (_name, given, kind) => {
    expect(prepareRequest(given, context())).toMatchObject({ ok: false, problem: { kind } });
  });

  it('ignores disabled and empty header rows', () => {
    const rows = [
      { id: 1, name: 'X Y', value: '1', enabled: false },
      { id: 2, name: '', value: '', enabled: true },
    ];
    expect(prepareRequest(draft({ headers: rows, tokenChoice: 'none' }), context())).toMatchObject({
      ok: true,
      request: { headers: [] },
    });
  });

  it('asks in production before a mutating method', () => {
    const production = context({
      environment: { ...context().environment, production: true, label: 'Production' },
    });
    expect(prepareRequest(draft({ method: 'DELETE' }), production)).toMatchObject({
      asks: [
        { kind: 'writes', production: true, message: expect.stringMatching(/^This is PRODUCTION: DELETE/) },
      ],
    });
    expect(prepareRequest(draft({ method: 'GET' }), production)).toMatchObject({ asks: [] });
  });

  it('asks before writing on any API but a local one, naming the environment', () => {
    expect(prepareRequest(draft({ method: 'POST' }), context())).toMatchObject({
      asks: [
        {
          kind: 'writes',
          environment: 'Acceptance',
          production: false,
          message: 'POST https://api.example.org/api/v1/me writes data on Acceptance, which others use too.',
        },
      ],
    });
    const local = context({
      environment: {
        ...context().environment,
        label: 'Local',
        api: {
          baseUrl: 'http://127.0.0.1:8181',
          allowedOrigins: ['http://127.0.0.1:8181'],
          requiredRole: 'therapist',
        },
      },
    });
    expect(prepareRequest(draft({ method: 'POST' }), local)).toMatchObject({ asks: [] });
  });

  it('warns by the realm role, not a client role of the same name', () => {
    const fromPreset = draftReducer(draft(), { type: 'preset', preset: listPatients });
    const clientRoleOnly = fakeJwt({
      sub: 'p',
      preferred_username: 'patient',
      realm_access: { roles: ['patient'] },
      resource_access: { 'abrumet-portal': { roles: ['therapist'] } },
    });
    const prepared = prepareRequest(
      fromPreset,
      context({ tokens: sessionTokens({ access: clientRoleOnly }) }),
    );
    expect(prepared.ok && prepared.warnings).toEqual([
      expect.objectContaining({
        kind: 'role',
        message: expect.stringContaining('which is not the realm role'),
      }),
    ]);
  });

  it('warns when the token lacks the preset role, without holding the request', () => {
    const fromPreset = draftReducer(draft(), { type: 'preset', preset: listPatients });
    expect(prepareRequest(fromPreset, context({ tokens: sessionTokens({ access: patient }) }))).toMatchObject(
      {
        asks: [],
        warnings: [{ kind: 'role', role: 'therapist' }],
      },
    );
    expect(prepareRequest(fromPreset, context()).ok && prepareRequest(fromPreset, context())).toMatchObject({
      warnings: [],
    });
    expect(
      prepareRequest(
        fromPreset,
        context({ tokens: sessionTokens({ access: patient }), skipRoleCheck: true }),
      ),
    ).toMatchObject({
      warnings: [],
    });
  });
});
