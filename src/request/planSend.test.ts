import { describe, expect, it } from 'vitest';
import { sessionTokens } from '../shared/token/sessionTokens.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { initialDraft } from './draftReducer.ts';
import { answerAsk, type Pending, planSend } from './planSend.ts';
import type { PrepareContext } from './prepareSend.ts';

const access = fakeJwt({ sub: 'p', realm_access: { roles: ['patient'] } });
const context: PrepareContext = {
  environment: {
    production: true,
    presets: [{ name: 'Create', method: 'POST', path: '/p', requiredRole: 'therapist' }],
    api: {
      baseUrl: 'https://api.example.org',
      allowedOrigins: ['https://api.example.org'],
      requiredRole: 'therapist',
    },
  },
  tokens: sessionTokens({ access }),
  serverNow: 0,
  confirmedOrigins: [],
};
const offList = {
  ...initialDraft([]),
  method: 'POST' as const,
  url: 'https://other.example.org/p',
  presetName: 'Create',
};

describe('planSend', () => {
  it('gathers every question for one send', () => {
    const planned = planSend(
      { mode: 'single', draft: offList, accepted: [], sendInvalidJson: false },
      context,
    );
    expect(planned.ok && planned.asks.map((a) => a.kind)).toEqual(['origin', 'production', 'role']);
  });

  it('asks once for the whole matrix, without the role warning, and tolerates missing tokens', () => {
    const planned = planSend(
      { mode: 'matrix', draft: offList, accepted: [], sendInvalidJson: false },
      context,
    );
    expect(planned.ok && planned.asks.map((a) => a.kind)).toEqual(['origin', 'production']);
  });

  it('stops on what no answer can fix', () => {
    const draft = { ...offList, url: 'http://other.example.org/p' };
    expect(planSend({ mode: 'matrix', draft, accepted: [], sendInvalidJson: false }, context)).toMatchObject({
      ok: false,
      problem: { kind: 'target' },
    });
  });
});

describe('answerAsk', () => {
  const pending: Pending = {
    mode: 'single',
    draft: offList,
    accepted: [],
    sendInvalidJson: false,
    asks: [
      { kind: 'origin', origin: 'https://other.example.org', message: '' },
      { kind: 'production', message: '' },
    ],
  };

  it('records a confirmed origin and moves to the next question', () => {
    const next = answerAsk(pending, 'yes');
    expect(next.confirmOrigin).toBe('https://other.example.org');
    expect(next.pending?.asks.map((a) => a.kind)).toEqual(['production']);
    expect(next.pending?.accepted).toEqual(['https://other.example.org']);
    expect(answerAsk(next.pending ?? pending, 'yes')).toMatchObject({
      pending: null,
      go: { mode: 'single' },
    });
  });

  it('sends without the token when asked to', () => {
    const next = answerAsk(pending, 'without-token');
    expect(next.confirmOrigin).toBeUndefined();
    expect(next.pending?.draft.tokenChoice).toBe('none');
  });

  it('stops on no', () => {
    expect(answerAsk(pending, 'no')).toEqual({ pending: null });
  });
});
