import { describe, expect, it } from 'vitest';
import { classifyBody, formatBytes } from './readBody.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('classifyBody', () => {
  it.each([
    ['application/json; charset=utf-8', '{}', 'json'],
    ['application/problem+json', '{}', 'json'],
    ['text/html; charset=utf-8', '<script>', 'html'],
    ['text/plain', 'hi', 'text'],
    ['application/xml', '<a/>', 'text'],
    ['application/octet-stream', 'x', 'binary'],
    ['image/png', 'x', 'binary'],
    [undefined, '  [1]', 'json'],
    [undefined, 'hello', 'text'],
    [undefined, 'a\0b', 'binary'],
  ])('shows %s (%j) as %s', (type, body, kind) => {
    expect(classifyBody(type, body.length, bytes(body))).toBe(kind);
  });

  it('calls an empty body empty', () => {
    expect(classifyBody('application/json', 0, new Uint8Array())).toBe('empty');
  });

  it('calls invalid UTF-8 without a type binary', () => {
    expect(classifyBody(undefined, 8, new Uint8Array([0xff, 0xfe, 0xfd, 0x80, 0x81, 0x82, 0x83, 0x84]))).toBe(
      'binary',
    );
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [2048, '2.0 KB'],
    [10.5 * 1024 * 1024, '10.5 MB'],
  ])('formats %i', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
