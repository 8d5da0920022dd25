import { describe, expect, it } from 'vitest';
import { toCode } from './toCode.ts';

const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0aGVyYXBpc3QifQ.c2lnbmF0dXJlLXNlY3JldA';
const post = {
  method: 'POST',
  url: 'http://127.0.0.1:8181/api/v1/patients',
  headers: [
    ['Authorization', `Bearer ${token}`],
    ['Content-Type', 'application/json'],
  ] as Array<[string, string]>,
  body: '{"name":"Ada Example"}',
};

describe('toCode', () => {
  it('writes JavaScript, Python and Java that read TOKEN from the environment, never the token', async () => {
    const snippets = await toCode(post);
    expect(snippets.map((s) => s.language)).toEqual(['javascript', 'python', 'java']);
    const code = Object.fromEntries(snippets.map((s) => [s.language, s.code]));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the JavaScript snippet's template literal.
    expect(code.javascript).toContain('`Bearer ${process.env.TOKEN}`');
    expect(code.python).toContain(`f"Bearer {os.environ['TOKEN']}"`);
    expect(code.python).toMatch(/^import os\n/);
    expect(code.java).toContain('"Bearer " + System.getenv("TOKEN")');
    for (const snippet of snippets) {
      expect(snippet.code).not.toContain(token);
      expect(snippet.code).not.toContain('ABRUMET_TOKEN_PLACEHOLDER');
      expect(snippet.code).toContain(post.url);
    }
  });

  it('carries the method and the body', async () => {
    const code = Object.fromEntries((await toCode(post)).map((s) => [s.language, s.code]));
    expect(code.javascript).toContain("method: 'POST'");
    expect(code.python).toContain('requests.post');
    expect(code.java).toContain('.method("POST"');
    expect(code.java).toContain('Ada Example');
  });

  it('leaves a request without a bearer without one', async () => {
    const snippets = await toCode({
      method: 'GET',
      url: 'http://api/x',
      headers: [['Accept', 'text/plain']],
    });
    for (const snippet of snippets) expect(snippet.code).not.toContain('TOKEN');
  });
});
