import { describe, expect, it } from 'vitest';
import { LEFT_OUT, leaveOutPersonal, looksLikeEmail, scrubPersonal } from './personalData.ts';

describe('leaveOutPersonal', () => {
  it('leaves out name and e-mail claims, and keeps what a bug needs', () => {
    const { claims, values } = leaveOutPersonal({
      sub: 'f1c2',
      preferred_username: 'patient',
      name: 'Pat Patient',
      given_name: 'Pat',
      family_name: 'Patient',
      email: 'patient@abrumet.local',
      email_verified: true,
      realm_access: { roles: ['patient'] },
    });
    expect(claims).toEqual({
      sub: 'f1c2',
      preferred_username: 'patient',
      name: LEFT_OUT,
      given_name: LEFT_OUT,
      family_name: LEFT_OUT,
      email: LEFT_OUT,
      email_verified: true,
      realm_access: { roles: ['patient'] },
    });
    expect(values).toEqual(['Pat Patient', 'Pat', 'Patient', 'patient@abrumet.local']);
  });

  it('leaves out a user name that is an e-mail address, and every part of an address', () => {
    const { claims, values } = leaveOutPersonal({
      preferred_username: 'ada@example.org',
      address: { street_address: '1 Main St', country: 'BE' },
    });
    expect(claims).toEqual({ preferred_username: LEFT_OUT, address: LEFT_OUT });
    expect(values).toEqual(['ada@example.org', '1 Main St', 'BE']);
  });
});

describe('looksLikeEmail', () => {
  it.each([
    ['ada@example.org', true],
    ['patient', false],
    ['a b@c', false],
    ['@handle', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeEmail(value)).toBe(expected);
  });
});

describe('scrubPersonal', () => {
  const values = ['Pat Patient', 'Pat', 'Patient', 'patient@abrumet.local'];

  it('takes e-mail addresses and full names out wherever they are', () => {
    expect(scrubPersonal('Signed in as patient@abrumet.local (Pat Patient).', values)).toBe(
      `Signed in as ${LEFT_OUT} (${LEFT_OUT}).`,
    );
  });

  it('takes single words out only as JSON strings, so ordinary words survive', () => {
    expect(scrubPersonal('{"given_name":"Pat","list":"Patients of Pat"} GET /patients', values)).toBe(
      `{"given_name":"${LEFT_OUT}","list":"Patients of Pat"} GET /patients`,
    );
  });
});
