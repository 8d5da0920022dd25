import { describe, expect, it } from 'vitest';
import { exportToken, shellQuote, toCurl } from './toCurl.ts';

/**
 * Splits words the way a POSIX shell does for what toCurl writes (POSIX 2.2: single quotes keep
 * everything, double quotes expand $NAME and keep the rest, backslash-newline joins lines), with
 * TOKEN set to "tok".
 */
const throughShell = (line: string) => {
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  const add = (text: string) => {
    word = (word ?? '') + text;
  };
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      add(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      add(
        line.slice(i + 1, end).replace(/\$([A-Z_]+)/g, (_m, name: string) => (name === 'TOKEN' ? 'tok' : '')),
      );
      i = end + 1;
    } else if (c === '\\' && line[i + 1] === '\n') i += 2;
    else if (c === '\\') {
      add(line[i + 1] ?? '');
      i += 2;
    } else if (c === ' ' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
      i += 1;
    } else {
      add(c);
      i += 1;
    }
  }
  if (word !== null) words.push(word);
  return words;
};

describe('shellQuote', () => {
  it.each([
    'plain',
    "it's",
    "''",
    'spaces and "double" quotes',
    '$HOME `id` $(id) \\n !event',
    'line one\nline two',
    '',
  ])('keeps %j literal through sh', (value) => {
    expect(throughShell(shellQuote(value))).toEqual([value]);
  });
});

describe('toCurl', () => {
  const request = {
    method: 'POST',
    url: 'https://api.example.org/api/v1/patients?q=a&b=c',
    headers: [
      ['Content-Type', 'application/json'],
      ['Authorization', 'Bearer eyJ.secret.sig'],
    ] as Array<[string, string]>,
    body: `{"name":"O'Brien $x"}`,
  };

  it('uses a $TOKEN placeholder by default', () => {
    const curl = toCurl(request);
    expect(curl).toBe(
      [
        `curl --include --request 'POST' \\`,
        `  'https://api.example.org/api/v1/patients?q=a&b=c' \\`,
        `  --header 'Content-Type: application/json' \\`,
        `  --header "Authorization: Bearer $TOKEN" \\`,
        `  --data-raw '{"name":"O'\\''Brien $x"}'`,
      ].join('\n'),
    );
    expect(curl).not.toContain('secret');
  });

  it('reveals the token only when asked', () => {
    expect(toCurl(request, { revealToken: true })).toContain(
      `--header 'Authorization: Bearer eyJ.secret.sig'`,
    );
  });

  it('is a command the shell splits into the intended arguments', () => {
    expect(throughShell(toCurl(request))).toEqual([
      'curl',
      '--include',
      '--request',
      'POST',
      'https://api.example.org/api/v1/patients?q=a&b=c',
      '--header',
      'Content-Type: application/json',
      '--header',
      'Authorization: Bearer tok',
      '--data-raw',
      `{"name":"O'Brien $x"}`,
    ]);
  });

  it.each([
    ['GET', `curl --include 'https://x.example/a'`],
    ['HEAD', `curl --include --head \\\n  'https://x.example/a'`],
  ])('writes %s without a body', (method, curl) => {
    expect(toCurl({ method, url: 'https://x.example/a', headers: [], body: 'ignored' })).toBe(curl);
  });

  it('quotes a non-bearer Authorization as it is', () => {
    const curl = toCurl({
      method: 'GET',
      url: 'https://x.example/',
      headers: [['Authorization', 'Basic dTpw']],
    });
    expect(curl).toContain(`--header 'Authorization: Basic dTpw'`);
  });
});

describe('exportToken', () => {
  it('sets TOKEN to a placeholder the user replaces, unless given the token', () => {
    expect(exportToken()).toBe("export TOKEN='<paste the access token>'");
    expect(exportToken('eyJ.a.b')).toBe("export TOKEN='eyJ.a.b'");
  });

  it('keeps whatever the token holds literal through sh', () => {
    expect(throughShell(exportToken("it's $x"))).toEqual(['export', "TOKEN=it's $x"]);
  });
});
