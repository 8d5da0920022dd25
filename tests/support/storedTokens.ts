import type { Page } from 'playwright-core';

/**
 * The main session's tokens as oidc-client-ts stores them in this tab (sessionStorage): for tests
 * that prove a token does NOT appear somewhere, they must know what to look for.
 */
export async function storedTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const key = sessionStorage.key(i) ?? '';
      if (!key.includes('user:')) continue;
      const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      for (const name of ['access_token', 'id_token', 'refresh_token']) {
        const value = user[name];
        if (typeof value === 'string') found.push(value);
      }
    }
    return found;
  });
}
