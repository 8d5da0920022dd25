import { describe, expect, it } from 'vitest';
import { bearerError } from './bearerError.ts';

const JSON_TYPE: [string, string] = ['content-type', 'application/json'];

describe('bearerError', () => {
  it.each<[string, Array<[string, string]>, string, object]>([
    [
      'the WWW-Authenticate challenge',
      [['www-authenticate', 'Bearer realm="abrumet", error="insufficient_scope", scope="patients:read"']],
      '',
      { error: 'insufficient_scope', scope: 'patients:read', description: '', source: 'header' },
    ],
    [
      'the header over the body when both speak',
      [['www-authenticate', 'Bearer error="invalid_token", error_description="Token expired"']],
      '{"error":"invalid_request"}',
      { error: 'invalid_token', description: 'Token expired', source: 'header' },
    ],
    [
      'a bare challenge, without an error',
      [['www-authenticate', 'Bearer realm="abrumet"']],
      '',
      { description: '', source: 'header' },
    ],
    [
      'the JSON body when no header is readable',
      [JSON_TYPE],
      '{"error":"invalid_token","error_description":"Token verification failed"}',
      { error: 'invalid_token', description: 'Token verification failed', source: 'body' },
    ],
    [
      'nothing from a body without an error',
      [JSON_TYPE],
      '{"message":"nope"}',
      { description: '', source: 'none' },
    ],
    ['nothing from a body that is not JSON', [], '<html></html>', { description: '', source: 'none' }],
  ])('reads %s', (_name, headers, body, expected) => {
    expect(bearerError(headers, body)).toEqual(expected);
  });
});
