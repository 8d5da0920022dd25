/**
 * The portal's sections, each with its own address (`#call`): the contract between the shell,
 * which shows one section at a time, and features that link to another section (realm → integrate).
 * Features import the ids from here, never each other. The address holds a section's name only:
 * never a token, a code or anything a user typed.
 */
export const SECTION_IDS = [
  'token',
  'call',
  'matrix',
  'identities',
  'inspect',
  'realm',
  'integrate',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

/** Where a section lives: a fragment, so the portal's one callback and one static page serve them all. */
export const sectionHref = (id: SectionId): `#${SectionId}` => `#${id}`;

/** The section an address names (`#matrix`, `#/matrix`), or undefined for none or an unknown one. */
export function sectionOfHash(hash: string): SectionId | undefined {
  const name = hash.replace(/^#\/?/, '').toLowerCase();
  return (SECTION_IDS as readonly string[]).includes(name) ? (name as SectionId) : undefined;
}

/** Opens another section as a link would: a new history entry, so Back returns here. */
export function openSection(id: SectionId): void {
  window.location.hash = sectionHref(id);
}

/**
 * The part of an address to keep when the portal rewrites it (after a sign-in's callback): the
 * section, and nothing else a fragment might carry.
 */
export const sectionSuffix = (hash: string): string => {
  const id = sectionOfHash(hash);
  return id ? sectionHref(id) : '';
};
