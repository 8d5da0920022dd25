import { useCallback, useEffect, useState } from 'react';
import { type HistoryEntry, historyReducer } from './history.ts';

/** The last 50 requests of this tab, without tokens (see historyEntry). */
export function useRequestHistory(storage: Storage | undefined) {
  const { items, problem, update } = useTabList<HistoryEntry>('abrumet.request-history', storage);
  const add = useCallback(
    (entry: HistoryEntry) => update((e) => historyReducer(e, { type: 'add', entry })),
    [update],
  );
  const clear = useCallback(() => update((e) => historyReducer(e, { type: 'clear' })), [update]);
  return { entries: items, problem, add, clear };
}

/**
 * Origins the user agreed to send the bearer to: asked once per origin for this tab, and per
 * environment (a yes given with an acceptance token says nothing about a production one).
 */
export function useConfirmedOrigins(storage: Storage | undefined, environmentId: string) {
  const { items, update } = useTabList<string>(`abrumet.bearer-origins.${environmentId}`, storage);
  const confirm = useCallback(
    (origin: string) => update((origins) => (origins.includes(origin) ? origins : [...origins, origin])),
    [update],
  );
  return { origins: items, confirm };
}

const readList = <T>(storage: Storage | undefined, key: string): { items: T[]; problem?: string } => {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return { items: [] };
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed)
      ? { items: parsed as T[] }
      : { items: [], problem: 'What this tab stored could not be read; starting empty.' };
  } catch (cause) {
    return {
      items: [],
      problem: `What this tab stored could not be read (${String(cause)}); starting empty.`,
    };
  }
};

/**
 * A list kept in this tab's sessionStorage (never localStorage: it is per tab and gone with it).
 * Storage failures (quota, privacy modes) are reported as `problem`, and the list lives on in memory.
 */
function useTabList<T>(key: string, storage: Storage | undefined) {
  const [state, setState] = useState(() => readList<T>(storage, key));

  useEffect(() => {
    try {
      storage?.setItem(key, JSON.stringify(state.items));
    } catch (cause) {
      setState((s) =>
        s.problem
          ? s
          : { ...s, problem: `Kept in memory only: the browser refused to store it (${String(cause)}).` },
      );
    }
  }, [key, storage, state.items]);

  const update = useCallback(
    (change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })),
    [],
  );
  return { items: state.items, problem: state.problem, update };
}
