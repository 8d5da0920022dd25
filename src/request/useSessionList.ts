import { useCallback, useEffect, useState } from 'react';

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
export function useSessionList<T>(key: string, storage: Storage | undefined) {
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
