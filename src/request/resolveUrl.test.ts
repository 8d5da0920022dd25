import { describe, expect, it } from 'vitest';
import { resolveUrl } from './resolveUrl.ts';

describe('resolveUrl', () => {
  it.each([
    ['/api/v1/me', 'https://api.example.org', 'https://api.example.org/api/v1/me'],
    ['api/v1/me', 'https://api.example.org/', 'https://api.example.org/api/v1/me'],
    ['/api/v1/me', 'https://gw.example.org/abrumet', 'https://gw.example.org/abrumet/api/v1/me'],
    ['  /x?q=a b  ', 'http://127.0.0.1:8181', 'http://127.0.0.1:8181/x?q=a%20b'],
    ['?page=2', 'https://api.example.org/list', 'https://api.example.org/list?page=2'],
    ['https://other.example.org/y', 'https://api.example.org', 'https://other.example.org/y'],
    ['HTTP://API.Example.org:443/z', 'https://api.example.org', 'http://api.example.org:443/z'],
  ])('resolves %s against %s', (input, base, url) => {
    expect(resolveUrl(input, base)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Type a path/],
    ['//evil.example.org/x', /Add the scheme/],
    ['javascript:alert(1)', /Only http and https/],
    ['https://exa mple.org', /not a valid URL/],
  ])('refuses %j with a next step', (input, message) => {
    const result = resolveUrl(input, 'https://api.example.org');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
