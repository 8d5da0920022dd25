/** A local test user of the devstack realm. Passwords are shown on the login page on purpose. */
export interface DevUser {
  /** Stable subject identifier, shaped like Keycloak's user ids. */
  readonly sub: string;
  readonly username: string;
  readonly password: string;
  readonly name: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  /** The one realm role that decides what the demo API allows. */
  readonly realmRole: 'therapist' | 'patient';
}

export const users: readonly DevUser[] = Object.freeze([
  {
    sub: '5f8f6f52-3c1e-4d2b-9a7e-0c6b1d2e7a11',
    username: 'therapist',
    password: 'therapist',
    name: 'Theo Therapist',
    givenName: 'Theo',
    familyName: 'Therapist',
    email: 'therapist@abrumet.local',
    realmRole: 'therapist',
  },
  {
    sub: '9b2d4c7e-8a61-4f3b-b5d0-2e4f6a8c1d22',
    username: 'patient',
    password: 'patient',
    name: 'Pat Patient',
    givenName: 'Pat',
    familyName: 'Patient',
    email: 'patient@abrumet.local',
    realmRole: 'patient',
  },
]);
