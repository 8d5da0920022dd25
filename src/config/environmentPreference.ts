/** Where the chosen environment id is remembered. Preferences only: never a token. */
export interface PreferenceStores {
  /** This tab: a reload stays on the realm the tab was using, whatever other tabs chose. */
  tab: Pick<Storage, 'getItem' | 'setItem'>;
  /** Every tab and later visits: a new tab opens on the last realm chosen anywhere. */
  shared: Pick<Storage, 'getItem' | 'setItem'>;
}

const KEY = 'abrumet-portal.environment';

const browserStores = (): PreferenceStores => ({ tab: window.sessionStorage, shared: window.localStorage });

/** Storage can throw (disabled cookies, private modes): a lost preference is not worth a crash. */
const attempt = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};

/** The environment id this tab used last, else the one chosen last in any tab, else null. */
export function savedEnvironment(stores: PreferenceStores = browserStores()): string | null {
  return attempt(() => stores.tab.getItem(KEY) ?? stores.shared.getItem(KEY), null);
}

export function saveEnvironment(id: string, stores: PreferenceStores = browserStores()): void {
  attempt(() => {
    stores.tab.setItem(KEY, id);
    stores.shared.setItem(KEY, id);
  }, undefined);
}
