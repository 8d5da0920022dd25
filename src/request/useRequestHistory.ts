import { useCallback } from 'react';
import { type HistoryEntry, historyReducer } from './historyReducer.ts';
import { useSessionList } from './useSessionList.ts';

const KEY = 'abrumet.request-history';

/** The last 50 requests of this tab, without tokens (see historyEntry). */
export function useRequestHistory(storage: Storage | undefined) {
  const { items, problem, update } = useSessionList<HistoryEntry>(KEY, storage);
  const add = useCallback(
    (entry: HistoryEntry) => update((e) => historyReducer(e, { type: 'add', entry })),
    [update],
  );
  const clear = useCallback(() => update((e) => historyReducer(e, { type: 'clear' })), [update]);
  return { entries: items, problem, add, clear };
}
