import type { Locator, Page } from 'playwright-core';

/**
 * README screenshots (docs/*.png) are refreshed on request, not by every test run:
 * `UPDATE_SCREENSHOTS=1 npx vitest run --project browser`.
 */
const enabled = () => Boolean(process.env.UPDATE_SCREENSHOTS);

export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (!enabled()) return;
  await page.screenshot({ path: `docs/${name}.png`, fullPage });
}

/** The whole width (1280 px) around one part of the page, optionally starting at another part. */
export async function saveScreenshotAround(
  page: Page,
  name: string,
  locator: Locator,
  from: Locator | null = null,
) {
  if (!enabled()) return;
  // Bounding boxes are relative to the viewport; at scroll 0 they are page coordinates.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await locator.boundingBox();
  const top = from ? await from.boundingBox() : null;
  if (!box) throw new Error(`nothing to screenshot for ${name}`);
  const y = Math.max(0, (top ?? box).y - 16);
  await page.screenshot({
    path: `docs/${name}.png`,
    fullPage: true,
    clip: { x: 0, y, width: 1280, height: box.y + box.height + 16 - y },
  });
}

/**
 * Working screenshots, for a person to look at: `.tmp/screens/<name>.png` (gitignored), taken only
 * with `SCREENS=1`. Of one part of the page, or of the whole page.
 */
export async function saveScreen(page: Page, name: string, part?: Locator): Promise<void> {
  if (!process.env.SCREENS) return;
  const path = `.tmp/screens/${name}.png`;
  // From the top of the page, so the sticky section nav does not cover the part.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = part ? await part.boundingBox() : null;
  if (part && !box) throw new Error(`nothing to screenshot for ${name}`);
  const clip = box && { x: 0, y: Math.max(0, box.y - 12), width: 1280, height: box.height + 24 };
  await page.screenshot({ path, fullPage: true, ...(clip ? { clip } : {}) });
}
