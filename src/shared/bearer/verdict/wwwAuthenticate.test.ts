import { describe, expect, it } from 'vitest';
import { bearerError, parseWwwAuthenticate } from './wwwAuthenticate.ts';

describe('parseWwwAuthenticate', () => {
  it.each([
    ['an empty header', '', []],
    ['a missing header', null, []],
    ['a bare scheme', 'Bearer', [{ scheme: 'Bearer', params: {} }]],
    ['one param', 'Bearer realm="abrumet"', [{ scheme: 'Bearer', params: { realm: 'abrumet' } }]],
    [
      'several params (RFC 6750 §3 example)',
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      [
        {
          scheme: 'Bearer',
          params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' },
        },
      ],
    ],
    [
      'token values and spaces around "="',
      'Bearer error = invalid_token ,scope="patients:read patients:write"',
      [{ scheme: 'Bearer', params: { error: 'invalid_token', scope: 'patients:read patients:write' } }],
    ],
    [
      'quoted strings with escapes and commas',
      'Bearer error_description="say \\"no\\", then \\\\ stop", realm="a,b"',
      [{ scheme: 'Bearer', params: { error_description: 'say "no", then \\ stop', realm: 'a,b' } }],
    ],
    [
      'case-insensitive param names, scheme kept as sent',
      'bEaReR Realm="x", ERROR="insufficient_scope"',
      [{ scheme: 'bEaReR', params: { realm: 'x', error: 'insufficient_scope' } }],
    ],
    [
      'several challenges',
      'Basic realm="files", Bearer realm="abrumet", error="invalid_token", DPoP algs="ES256 PS256"',
      [
        { scheme: 'Basic', params: { realm: 'files' } },
        { scheme: 'Bearer', params: { realm: 'abrumet', error: 'invalid_token' } },
        { scheme: 'DPoP', params: { algs: 'ES256 PS256' } },
      ],
    ],
    [
      'token68 challenges',
      'Negotiate YIIB3gYJKoZIhvcSAQICAQBuggHN==, Bearer',
      [
        { scheme: 'Negotiate', params: {}, token68: 'YIIB3gYJKoZIhvcSAQICAQBuggHN==' },
        { scheme: 'Bearer', params: {} },
      ],
    ],
    [
      'a scheme with nothing then another',
      'Bearer, Basic realm="r"',
      [
        { scheme: 'Bearer', params: {} },
        { scheme: 'Basic', params: { realm: 'r' } },
      ],
    ],
    [
      'the first of a repeated param',
      'Bearer error="invalid_token", error="other"',
      [{ scheme: 'Bearer', params: { error: 'invalid_token' } }],
    ],
    [
      'an unterminated quoted string, leniently',
      'Bearer error="invalid_token", error_description="cut',
      [{ scheme: 'Bearer', params: { error: 'invalid_token', error_description: 'cut' } }],
    ],
    [
      'garbage between params, skipped to the next comma',
      'Bearer realm="a" junk junk, error="invalid_token"',
      [{ scheme: 'Bearer', params: { realm: 'a', error: 'invalid_token' } }],
    ],
  ])('parses %s', (_name, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });
});

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
      'no error code, only the words to quote, from a body without an error',
      [JSON_TYPE],
      '{"message":"JWT is invalid."}',
      { description: '', source: 'none', message: 'JWT is invalid.' },
    ],
    ['nothing from a body that is not JSON', [], '<html></html>', { description: '', source: 'none' }],
  ])('reads %s', (_name, headers, body, expected) => {
    expect(bearerError(headers, body)).toEqual(expected);
  });
});
