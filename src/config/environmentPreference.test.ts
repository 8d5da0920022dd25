import { describe, expect, it } from 'vitest';
import { type PreferenceStores, savedEnvironment, saveEnvironment } from './environmentPreference.ts';

const memory = (): Storage => {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
};

describe('savedEnvironment', () => {
  it('is null before anything was chosen', () => {
    expect(savedEnvironment({ tab: memory(), shared: memory() })).toBeNull();
  });

  it("prefers this tab's choice over the one another tab saved later", () => {
    const shared = memory();
    const thisTab: PreferenceStores = { tab: memory(), shared };
    const otherTab: PreferenceStores = { tab: memory(), shared };
    saveEnvironment('production', thisTab);
    saveEnvironment('acceptance', otherTab);
    expect(savedEnvironment(thisTab)).toBe('production');
    expect(savedEnvironment({ tab: memory(), shared })).toBe('acceptance');
  });

  it('keeps only the id, in both stores', () => {
    const stores = { tab: memory(), shared: memory() };
    saveEnvironment('acceptance', stores);
    expect(stores.shared.getItem('abrumet-portal.environment')).toBe('acceptance');
    expect(stores.shared.length).toBe(1);
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveEnvironment('local', { tab: broken, shared: broken })).not.toThrow();
    expect(savedEnvironment({ tab: broken, shared: broken })).toBeNull();
  });
});
