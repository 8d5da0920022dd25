import { describe, expect, it } from 'vitest';
import { adminEventsUrl } from './adminEventsUrl.ts';

describe('adminEventsUrl', () => {
  it.each([
    ['https://host/auth/realms/abrumet', 'https://host/auth/admin/master/console/#/abrumet/events'],
    ['https://host/realms/abrumet', 'https://host/admin/master/console/#/abrumet/events'],
    ['https://host:8443/realms/abrumet/', 'https://host:8443/admin/master/console/#/abrumet/events'],
    ['https://host/realms/my%20realm', 'https://host/admin/master/console/#/my%20realm/events'],
    [
      'http://127.0.0.1:8180/auth/realms/abrumet',
      'http://127.0.0.1:8180/auth/admin/master/console/#/abrumet/events',
    ],
    ['https://host/oauth2/default', null],
    ['not a url', null],
  ])('links %s to %s', (authority, expected) => {
    expect(adminEventsUrl(authority)).toBe(expected);
  });

  it("opens the realm's own console for admins of that realm only", () => {
    expect(adminEventsUrl('https://host/realms/abrumet', 'abrumet')).toBe(
      'https://host/admin/abrumet/console/#/abrumet/events',
    );
  });
});
