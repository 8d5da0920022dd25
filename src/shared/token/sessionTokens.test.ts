import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { latestExpired, sessionTokens } from './sessionTokens.ts';

const token = (jti: string, exp: number) => fakeJwt({ jti, exp });

describe('latestExpired', () => {
  const tokens = sessionTokens({
    access: token('current', 1000),
    earlier: [token('previous', 700), token('first', 400), 'opaque'],
  });

  it.each<[number, string | undefined]>([
    [399, undefined],
    [400, 'first'],
    [699, 'first'],
    [700, 'previous'],
    [1000, 'current'],
  ])('at %s offers %s', (now, jti) => {
    expect(latestExpired(tokens, now)?.jti).toBe(jti);
  });

  it('never offers a token that is still valid, however old it is', () => {
    const renewedEarly = sessionTokens({ access: token('current', 1000), earlier: [token('previous', 900)] });
    expect(latestExpired(renewedEarly, 899)).toBeUndefined();
  });
});
