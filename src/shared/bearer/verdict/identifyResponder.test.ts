import { describe, expect, it } from 'vitest';
import type { SendResult } from '../send.ts';
import { identifyResponder } from './identifyResponder.ts';

const answer = (
  status: number,
  headers: Array<[string, string]>,
): Extract<SendResult, { kind: 'response' }> => ({
  kind: 'response',
  status,
  statusText: '',
  headers,
  body: new Blob([]),
  durationMs: 1,
});
const HTML: Array<[string, string]> = [['content-type', 'text/html; charset=utf-8']];
const JSON_TYPE: Array<[string, string]> = [['content-type', 'application/json']];

describe('identifyResponder', () => {
  it.each<[string, number, Array<[string, string]>, string, object]>([
    ['a JSON answer', 200, JSON_TYPE, '{"ok":true}', { kind: 'api' }],
    ['a JSON 401', 401, JSON_TYPE, '{"error":"invalid_token"}', { kind: 'api' }],
    ['a JSON 503 of the API itself', 503, JSON_TYPE, '{"error":"idp_unavailable"}', { kind: 'api' }],
    [
      'an SSO login page',
      200,
      HTML,
      '<html><title>Sign in – Corp SSO</title><input type="password"></html>',
      { kind: 'sso-page', title: 'Sign in – Corp SSO' },
    ],
    [
      'a login form without a telling title',
      200,
      HTML,
      '<title>Portal</title><form><input name="p" type=password></form>',
      { kind: 'sso-page', title: 'Portal' },
    ],
    [
      "nginx's 502 page",
      502,
      HTML,
      '<title>502 Bad Gateway</title><center>nginx/1.25.3</center>',
      { kind: 'gateway', name: 'nginx', title: '502 Bad Gateway' },
    ],
    ['a 504 without a body', 504, [], '', { kind: 'gateway' }],
    [
      'a proxy page named by Server',
      403,
      [...HTML, ['server', 'cloudflare']],
      '<title>Attention Required!</title>',
      { kind: 'gateway', name: 'cloudflare', title: 'Attention Required!' },
    ],
    [
      'a proxy page behind Via',
      404,
      [...HTML, ['via', '1.1 proxy']],
      '<h1>Not found</h1>',
      { kind: 'gateway' },
    ],
    ['some other web page', 200, HTML, '<title>Welcome</title>', { kind: 'web-page', title: 'Welcome' }],
    ['HTML without a content type', 200, [], '<!DOCTYPE html><p>hi</p>', { kind: 'web-page' }],
  ])('takes %s for what it is', (_name, status, headers, body, expected) => {
    expect(identifyResponder(answer(status, headers), body)).toEqual(expected);
  });
});
