import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';

/**
 * Screenshots are for a person to look at (light, dark, 390 px wide); no test compares them. They cost CPU on every
 * run, so they are taken only when asked for: `E2E_SCREENSHOTS=1 node tools/browser-tests.mjs`.
 */
const TAKE_SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';

/** Saves a screenshot as test-output/screenshots/<name>.png (git-ignored), when screenshots are asked for. */
export async function saveScreenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  await target.screenshot({ path: join(__dirname, '..', 'test-output', 'screenshots', `${name}.png`), ...options });
}
