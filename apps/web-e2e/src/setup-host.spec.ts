import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots';
import { PASSWORD, USERNAME } from './session';

/** Resolved to 127.0.0.1 by this project's chromium (--host-resolver-rules in playwright.config.mts), as DNS rebinding would. */
const UNLISTED_HOST = 'nas.borgitory.test';

// Runs before the first-run setup: the server has no user yet, so it must refuse setup through a name it does not know.
test('the setup page says what to set when the server is reached through a name it does not allow', async ({ page, baseURL }) => {
  const port = new URL(baseURL ?? '').port;
  await page.goto(`http://${UNLISTED_HOST}:${port}/`);
  await expect(page.getByRole('heading', { name: 'Set up Borgitory' })).toBeVisible();
  await page.getByLabel('Username').fill(USERNAME);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert')).toContainText(`set BORGITORY_ALLOWED_HOSTS=${UNLISTED_HOST} and restart Borgitory`);
  await saveScreenshot(page, 'setup-host-refused');

  const status = await page.request.get(`${baseURL}/api/auth/status`);
  expect(((await status.json()) as { data: { setup_required: boolean } }).data.setup_required).toBe(true);
});
