import type { SectionId } from '../../shared/sections.ts';

/** What renders a section: two sections can share one (call and matrix share the request's state). */
export type Mount = 'token' | 'request' | 'identities' | 'inspect' | 'realm' | 'integrate';

export interface Section {
  id: SectionId;
  label: string;
  /** Needs a signed-in tab: signed out, its address shows the sign-in, then the section. */
  session: boolean;
  mount: Mount;
}

/** The portal's sections in nav order: the one table the nav and the shell read. */
export const SECTIONS: readonly Section[] = [
  { id: 'token', label: 'Token', session: false, mount: 'token' },
  { id: 'call', label: 'Call the API', session: true, mount: 'request' },
  { id: 'matrix', label: 'Matrix', session: true, mount: 'request' },
  { id: 'identities', label: 'Identities', session: true, mount: 'identities' },
  { id: 'inspect', label: 'Inspect', session: false, mount: 'inspect' },
  { id: 'realm', label: 'Realm', session: false, mount: 'realm' },
  { id: 'integrate', label: 'Integrate', session: false, mount: 'integrate' },
];

export const sectionById = (id: SectionId): Section =>
  SECTIONS.find((section) => section.id === id) ?? (SECTIONS[0] as Section);

/** The sections a page offers: signed out, those that need a session are reached through sign-in. */
export const sectionsFor = (signedIn: boolean): readonly Section[] =>
  signedIn ? SECTIONS : SECTIONS.filter((section) => !section.session);

/** The nav's word for a section: signed out, the token's place is where you sign in. */
export const labelOf = (section: Section, signedIn: boolean): string =>
  section.id === 'token' && !signedIn ? 'Sign in' : section.label;

/** What a page shows for the address's section: signed out, a session's section shows the sign-in. */
export const shownSection = (id: SectionId, signedIn: boolean): Section => {
  const section = sectionById(id);
  return section.session && !signedIn ? sectionById('token') : section;
};
