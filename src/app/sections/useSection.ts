import { useEffect, useRef, useState } from 'react';
import { type SectionId, sectionHref, sectionOfHash } from '../../shared/sections.ts';

/** The tab's last section: the sign-in's round trip to the realm comes back to it. Not a secret. */
const REMEMBERED = 'abrumet.section';

const remembered = (storage: Storage): SectionId | undefined =>
  sectionOfHash(`#${storage.getItem(REMEMBERED) ?? ''}`);

/** The section a page starts on: the address's, else the tab's last one, else the token. */
export const initialSection = (location: Pick<Location, 'hash'>, storage: Storage): SectionId =>
  sectionOfHash(location.hash) ?? remembered(storage) ?? 'token';

/**
 * The section the address names (`#matrix`): a link, Back and Forward, a reload and a shared
 * address all land on it. Without one (the first visit, or the address a sign-in comes back to),
 * the tab's last section, else the token. The address is then written to say which, replacing the
 * entry rather than adding one. Switching sections starts at the top of the new one.
 */
export function useSection(storage: Storage = window.sessionStorage): SectionId {
  const [id, setId] = useState<SectionId>(() => initialSection(window.location, storage));
  useEffect(() => {
    const follow = () => setId(sectionOfHash(window.location.hash) ?? 'token');
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const first = useRef(true);
  useEffect(() => {
    storage.setItem(REMEMBERED, id);
    const href = sectionHref(id);
    if (window.location.hash !== href) window.history.replaceState(window.history.state, '', href);
    if (first.current) first.current = false;
    else window.scrollTo(0, 0);
  }, [id, storage]);
  return id;
}
