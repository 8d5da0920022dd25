import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../shared/bearer/send.ts';
import { readToken } from '../../shared/token/readToken.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { initialDraft } from '../editor/draft.ts';
import { HISTORY_LIMIT, type HistoryEntry, historyEntry, historyReducer, redactUrl } from './history.ts';

const token = fakeJwt({ sub: 's1', preferred_username: 'therapist', jti: 'j1', exp: 2000 });
const response: SendResult = {
  kind: 'response',
  status: 401,
  statusText: '',
  headers: [],
  body: new Blob([]),
  durationMs: 1,
};

const entry = (id: string): HistoryEntry =>
  historyEntry({
    id,
    at: 1000,
    url: 'https://api.example.org/api/v1/me',
    draft: initialDraft([]),
    result: response,
    token: readToken(token),
    secondsLeft: 42,
  });

describe('historyReducer', () => {
  it('keeps the newest first and at most 50', () => {
    let entries: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1)
      entries = historyReducer(entries, { type: 'add', entry: entry(`e${i}`) });
    expect(entries).toHaveLength(50);
    expect(entries[0]?.id).toBe('e54');
    expect(entries.at(-1)?.id).toBe('e5');
    expect(historyReducer(entries, { type: 'clear' })).toEqual([]);
  });

  it('records who the token was, never the token', () => {
    const draft = {
      ...initialDraft([]),
      tokenChoice: 'pasted' as const,
      pasted: token,
      url: '/x?access_token=abc&page=2',
      headers: [
        { id: 1, name: 'Authorization', value: `Bearer ${token}`, enabled: false },
        { id: 2, name: 'X-Trace', value: '1', enabled: true },
      ],
    };
    const recorded = historyEntry({
      id: 'a',
      at: 5,
      url: 'https://api.example.org/x?access_token=abc&page=2',
      draft,
      result: { kind: 'network-error', message: 'Failed to fetch', durationMs: 1 },
      token: readToken(token),
      secondsLeft: 42,
    });
    expect(recorded).toMatchObject({
      status: 'no response',
      choice: 'pasted',
      who: { sub: 's1', username: 'therapist', jti: 'j1', secondsLeft: 42 },
      url: 'https://api.example.org/x?access_token=REDACTED&page=2',
    });
    expect(recorded.draft.headers.map((h) => h.name)).toEqual(['X-Trace']);
    const serialized = JSON.stringify(recorded);
    expect(serialized).not.toContain(token);
    expect(serialized).not.toContain('abc');
    expect(serialized).not.toContain('pasted":"');
  });

  it.each([
    ['https://x.example/a?b=1', 'https://x.example/a?b=1'],
    ['https://x.example/a?id_token=s&b=1', 'https://x.example/a?id_token=REDACTED&b=1'],
    ['/relative?token=s#x', '/relative?token=REDACTED#x'],
    ['https://x.example/a?mytoken=s', 'https://x.example/a?mytoken=s'],
  ])('redacts %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});
