import { useCallback } from 'react';
import { useSessionList } from './useSessionList.ts';

const KEY = 'abrumet.bearer-origins';

/** Origins the user agreed to send the bearer to: asked once per session (issue 4, item 9). */
export function useConfirmedOrigins(storage: Storage | undefined) {
  const { items, update } = useSessionList<string>(KEY, storage);
  const confirm = useCallback(
    (origin: string) => update((origins) => (origins.includes(origin) ? origins : [...origins, origin])),
    [update],
  );
  return { origins: items, confirm };
}
