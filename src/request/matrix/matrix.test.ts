import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../shared/bearer/send.ts';
import { sessionTokens } from '../../shared/token/sessionTokens.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { initialDraft } from '../editor/draft.ts';
import type { Exchange } from '../flow/sendPipeline.ts';
import { matrixCsv, matrixMarkdown } from './matrixExport.ts';
import { matrixColumns, matrixRequests, planCells, type SendablePlan } from './matrixPlan.ts';
import { matrixReport } from './matrixReport.ts';
import { runMatrixCells } from './matrixRun.ts';

const tokenOf = (sub: string, roles: string[], exp = 2_000) =>
  fakeJwt({ sub, preferred_username: sub, realm_access: { roles }, exp, typ: 'Bearer' });
const therapistRaw = tokenOf('therapist', ['therapist']);
const patientRaw = tokenOf('patient', ['patient']);
const therapist = sessionTokens({
  access: therapistRaw,
  earlier: [tokenOf('therapist', ['therapist'], 500)],
});
const patient = sessionTokens({ access: patientRaw });
const environment = {
  production: false,
  label: 'Acceptance',
  presets: [
    { name: 'Who am I', method: 'GET', path: '/api/v1/me' },
    { name: 'List patients', method: 'GET', path: '/api/v1/patients', requiredRole: 'therapist' },
  ],
  api: {
    baseUrl: 'https://api.example.org',
    allowedOrigins: ['https://api.example.org'],
    requiredRole: 'therapist',
  },
};
const answer = (status: number): SendResult => ({
  kind: 'response',
  status,
  statusText: '',
  headers: [],
  body: new Blob([]),
  durationMs: 1,
});

/** A fake API shaped like the demo one: 401 without a valid access token, 403 without the role. */
function fakeApi(plan: SendablePlan): Exchange {
  const auth = plan.prepared.request.headers.find(([name]) => name === 'Authorization')?.[1] ?? '';
  const raw = auth.replace('Bearer ', '');
  const valid = raw === therapistRaw || raw === patientRaw;
  const needsRole = plan.prepared.request.url.endsWith('/patients');
  const status = !valid ? 401 : needsRole && raw === patientRaw ? 403 : 200;
  return {
    id: plan.column.id,
    request: plan.prepared.request,
    choice: plan.draft.tokenChoice,
    token: plan.prepared.token,
    sentAtMs: 1_000_000,
    result: answer(status),
    verdict: { kind: 'ok', tone: 'ok', title: `answered ${status}`, next: 'nothing' },
    known: [],
  };
}

const columns = matrixColumns(therapist, [{ id: '1', label: 'patient', tokens: patient }]);
const requests = matrixRequests(environment, initialDraft([]), []);
const context = { environment, confirmedOrigins: [], serverNow: 1_000 };
const run = (presets = environment.presets, signal?: AbortSignal) =>
  runMatrixCells(planCells(requests, columns, context), {
    environment: { presets },
    send: async (plan) => fakeApi(plan),
    serverSecondsAt: () => 1_000,
    onChange: () => {},
    ...(signal ? { signal } : {}),
  });

describe('the matrix plan', () => {
  it('offers this tab, each identity and the probes; the presets, the draft and the history', () => {
    expect(columns.map((c) => c.label)).toEqual([
      'therapist (this tab)',
      'patient',
      'No token',
      'Tampered signature',
      'Expired token',
      'ID token instead',
    ]);
    expect(requests.map((r) => r.id)).toEqual(['preset:Who am I', 'preset:List patients', 'draft']);
  });

  it('never prepares a bearer for another origin, and says why a cell is not sent', () => {
    const elsewhere = [
      {
        id: 'x',
        label: 'elsewhere',
        writes: false,
        draft: { ...initialDraft([]), url: 'https://evil.example/x' },
      },
    ];
    const plans = planCells(elsewhere, columns, context);
    const byColumn = Object.fromEntries(plans.map((p) => [p.column.id, p.prepared]));
    expect(byColumn.tab).toMatchObject({ ok: false });
    expect(byColumn.none).toMatchObject({ ok: true });
    // The ID token column: this session has none.
    expect(byColumn.id).toMatchObject({ ok: false, reason: expect.stringContaining('No ID token') });
  });

  it('does not send a cell that needs a question first: an origin to confirm, a change in production', () => {
    const other = [
      {
        id: 'o',
        label: 'other',
        writes: false,
        draft: { ...initialDraft([]), url: 'https://other.example.org/x' },
      },
    ];
    const [tab] = planCells(other, columns, context);
    expect(tab?.prepared).toMatchObject({
      ok: false,
      reason: expect.stringContaining('send this request alone first'),
    });
    const post = [
      {
        id: 'p',
        label: 'create',
        writes: true,
        draft: { ...initialDraft([]), method: 'POST' as const, url: '/p' },
      },
    ];
    const [prod] = planCells(post, columns, {
      ...context,
      environment: { ...environment, production: true },
      writesOn: 'Acceptance',
    });
    expect(prod?.prepared).toMatchObject({
      ok: false,
      reason: expect.stringContaining('never sends changes to production'),
    });
  });

  it('writes on a shared environment only when the run was confirmed for it', () => {
    const post = [
      {
        id: 'p',
        label: 'create',
        writes: true,
        draft: { ...initialDraft([]), method: 'POST' as const, url: '/p' },
      },
    ];
    const [unconfirmed] = planCells(post, columns, context);
    expect(unconfirmed?.prepared).toMatchObject({
      ok: false,
      reason: expect.stringContaining('The run was not confirmed for writing on Acceptance'),
    });
    const [confirmed] = planCells(post, columns, { ...context, writesOn: 'Acceptance' });
    expect(confirmed?.prepared.ok).toBe(true);
  });

  it('names requests as a user does, marks those that write, and gives the expired column every expired token', () => {
    const draft = { ...initialDraft([]), method: 'DELETE' as const, url: '/api/v1/patients/7' };
    const history = [{ id: 'h1', method: 'GET', url: 'https://api.example.org/api/v1/me', draft }] as never;
    const labels = matrixRequests(environment, draft, history).map((r) => [r.label, r.writes]);
    expect(labels.slice(-2)).toEqual([
      ['Your request in Call the API: DELETE /api/v1/patients/7', true],
      ['Sent earlier: GET /api/v1/me', false],
    ]);
    const expiredColumn = columns.find((c) => c.id === 'expired');
    expect(expiredColumn?.tokens.earlier).toContain(patient.access);
  });
});

describe('running the matrix', () => {
  it('fills the grid and compares each answer with the required role', async () => {
    const cells = await run();
    const grid = (requestId: string) =>
      cells
        .filter((c) => c.requestId === requestId)
        .map((c) => (c.exchange?.result.kind === 'response' ? c.exchange.result.status : c.state));
    expect(grid('preset:List patients')).toEqual([200, 403, 401, 401, 401, 'not-sent']);
    expect(cells.every((c) => !c.check || c.check.kind === 'match')).toBe(true);
  });

  it('flags a finding when the expectation differs (a requiredRole set wrong on purpose)', async () => {
    const wrong = environment.presets.map((p) =>
      p.name === 'Who am I' ? { ...p, requiredRole: 'admin' } : p,
    );
    const cells = await run(wrong);
    const me = cells.filter((c) => c.requestId === 'preset:Who am I');
    expect(me.map((c) => c.check?.kind)).toEqual([
      'finding',
      'finding',
      'match',
      'match',
      'match',
      undefined,
    ]);
  });

  it('marks the cells not sent after a cancel', async () => {
    const controller = new AbortController();
    controller.abort();
    const cells = await run(environment.presets, controller.signal);
    expect(cells.filter((c) => c.state === 'done')).toEqual([]);
    expect(cells[0]?.reason).toBe('Cancelled before it was sent.');
  });
});

describe('exports and the report', () => {
  it('writes Markdown and CSV of the grid without any token', async () => {
    const cells = await run(environment.presets.map((p) => ({ ...p, requiredRole: 'therapist' })));
    const table = { requests, columns, cells };
    const markdown = matrixMarkdown(table);
    expect(markdown.split('\n')[0]).toBe(
      '| Request | therapist (this tab) | patient | No token | Tampered signature | Expired token | ID token instead |',
    );
    expect(markdown).toContain(
      '| List patients — GET /api/v1/patients | 200 | 403 | 401 | 401 | 401 | not sent |',
    );
    expect(markdown).toContain('| Who am I — GET /api/v1/me | 200 | 200 (finding: expected 403) |');
    const csv = matrixCsv(table);
    expect(csv.split('\r\n')[2]).toBe('List patients,GET,/api/v1/patients,200,403,401,401,401,not sent');
    const report = matrixReport({
      environment: { label: 'Local', authority: 'http://idp', apiBaseUrl: 'https://api.example.org' },
      atMs: 0,
      skew: { skewMs: 0, skewMeasured: false },
      table,
    });
    expect(report).toContain('Finding: patient → GET Who am I: 200 (finding: expected 403)');
    for (const text of [markdown, csv, report])
      for (const raw of [therapistRaw, patientRaw])
        for (const part of raw.split('.')) expect(text).not.toContain(part);
  });
});
