import { type ComponentType, lazy } from 'react';

/**
 * React.lazy for a named export: features that only signed-in users see load after the first
 * paint, which keeps the initial JavaScript under its budget (tests/sizeBudget.test.ts).
 */
export function lazyNamed<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
