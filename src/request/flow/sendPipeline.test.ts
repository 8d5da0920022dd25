import { describe, expect, it, vi } from 'vitest';
import type { SendResult } from '../../shared/bearer/send.ts';
import { sessionTokens } from '../../shared/token/sessionTokens.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { initialDraft } from '../editor/draft.ts';
import type { PrepareContext } from '../outgoing/prepareRequest.ts';
import { answerAsk, type Plan, planSend, sendOne } from './sendPipeline.ts';

const access = fakeJwt({ sub: 'p', realm_access: { roles: ['patient'] }, exp: 100 });
const environment = {
  authority: 'https://auth.example.org/realms/abrumet',
  production: true,
  label: 'Production',
  presets: [{ name: 'Create', method: 'POST', path: '/p', requiredRole: 'therapist' }],
  api: {
    baseUrl: 'https://api.example.org',
    allowedOrigins: ['https://api.example.org'],
    requiredRole: 'therapist',
  },
};
const context: PrepareContext & { sendInvalidJson: boolean } = {
  environment,
  tokens: sessionTokens({ access }),
  serverNow: 0,
  confirmedOrigins: [],
  sendInvalidJson: false,
};
const offList = {
  ...initialDraft([]),
  method: 'POST' as const,
  url: 'https://other.example.org/p',
  presetName: 'Create',
};
const planOf = (planned: ReturnType<typeof planSend>): Plan => {
  if (!planned.ok) throw new Error(planned.problem.title);
  return planned.plan;
};

describe('planSend', () => {
  it('prepares one send once and gathers every question for it', () => {
    const plan = planOf(planSend(offList, context));
    expect(plan.asks.map((a) => a.kind)).toEqual(['origin', 'writes']);
    expect(plan.prepared.ok && plan.prepared.request.url).toBe('https://other.example.org/p');
  });

  it('stops on what no answer can fix', () => {
    const draft = { ...offList, url: 'http://other.example.org/p' };
    expect(planSend(draft, context)).toMatchObject({ ok: false, problem: { kind: 'target' } });
  });
});

describe('answerAsk', () => {
  const plan = planOf(planSend(offList, context));

  it('remembers a confirmed origin and moves to the next question, then goes', () => {
    const first = answerAsk(plan, 'yes');
    expect(first).toMatchObject({ step: 'ask', confirmOrigin: 'https://other.example.org' });
    if (first.step !== 'ask') return;
    expect(first.plan.asks.map((a) => a.kind)).toEqual(['writes']);
    expect(answerAsk(first.plan, 'yes')).toMatchObject({ step: 'go', plan: { asks: [] } });
  });

  it('plans a "No token" send when asked to send without the token', () => {
    expect(answerAsk(plan, 'without-token')).toMatchObject({
      step: 'replan',
      draft: { tokenChoice: 'none', url: offList.url },
    });
  });

  it('stops on no', () => {
    expect(answerAsk(plan, 'no')).toEqual({ step: 'stop' });
  });
});

/** A response body, read as a browser reads it (src/test/setup.ts). */
const body = await new Response('{}').blob();
const ok = (status: number): Extract<SendResult, { kind: 'response' }> => ({
  kind: 'response',
  status,
  statusText: '',
  headers: [['content-type', 'application/json']],
  body,
  durationMs: 3,
});

describe('sendOne', () => {
  it('sends the prepared request as it is, explains the answer and records it without the token', async () => {
    const row = planOf(planSend({ ...initialDraft([]), url: '/me' }, context));
    if (!row.prepared.ok) throw new Error('not prepared');
    const send = vi.fn(async () => ok(200));
    const record = vi.fn();
    const exchange = await sendOne(row.draft, row.prepared, {
      environment,
      portalOrigin: 'https://portal.example.org',
      now: () => 40_000,
      skewMs: 2_000,
      send,
      record,
    });
    expect(send).toHaveBeenCalledWith(row.prepared.request);
    expect(exchange).toMatchObject({ sentAtMs: 40_000, secondsLeft: 58, verdict: { kind: 'ok' } });
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ status: 200, url: 'https://api.example.org/me' }),
    );
    expect(JSON.stringify(record.mock.calls)).not.toContain(access);
  });

  it('case 35: sends a refused token once: no silent retry, the verdict offers the refresh', async () => {
    const row = planOf(planSend({ ...initialDraft([]), url: '/me' }, context));
    if (!row.prepared.ok) throw new Error('not prepared');
    const refused: SendResult = {
      ...ok(401),
      headers: [
        [
          'www-authenticate',
          'Bearer realm="abrumet", error="invalid_token", error_description="Token expired"',
        ],
      ],
    };
    const send = vi.fn(async () => refused);
    const exchange = await sendOne(row.draft, row.prepared, {
      environment,
      portalOrigin: 'https://portal.example.org',
      now: () => 40_000,
      skewMs: 0,
      send,
      record: vi.fn(),
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(exchange.verdict.next).toMatch(/^Refresh the token and send again/);
  });

  it('case 42: masks the token an API echoes, in the readable headers and the verdict', async () => {
    const row = planOf(planSend({ ...initialDraft([]), url: '/me' }, context));
    if (!row.prepared.ok) throw new Error('not prepared');
    const echo: SendResult = {
      ...ok(401),
      headers: [
        ['www-authenticate', `Bearer error="invalid_token", error_description="bad token ${access}"`],
        ['x-echo-authorization', `Bearer ${access}`],
      ],
    };
    const exchange = await sendOne(row.draft, row.prepared, {
      environment,
      portalOrigin: 'https://portal.example.org',
      now: () => 40_000,
      skewMs: 0,
      send: async () => echo,
      record: vi.fn(),
    });
    expect(JSON.stringify(exchange.verdict)).not.toContain(access);
    expect(JSON.stringify(exchange.result)).not.toContain(access);
    expect(exchange.verdict.detail).toContain('[the token you sent, masked:');
    expect(exchange.known[0]).toEqual({ raw: access, label: 'the token you sent' });
  });
});
