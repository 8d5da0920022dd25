import type { Locator } from 'playwright-core';

/** Whether the top of `locator` is on screen now (in the window, not below the fold or above it). */
export async function startsInView(locator: Locator): Promise<boolean> {
  const page = locator.page();
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y < height;
}

/** Whether the element has the keyboard focus (a result brought to the eye takes it). */
export const hasFocus = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => element === document.activeElement);
