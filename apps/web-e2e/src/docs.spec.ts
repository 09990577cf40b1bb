import { expect, test, type Page } from '@playwright/test';
import { watchCspViolations } from './csp';
import { saveScreenshot } from './screenshots';

/** ReDoc lays out the whole document in the browser, and its first search waits for its worker to index it. */
const REDOC_TIMEOUT_MS = Number(process.env.E2E_REDOC_TIMEOUT_MS ?? 15_000);

/** Every request the page's context makes to a host other than the test server (data: and blob: are not requests). */
function watchForeignRequests(page: Page, baseURL: string | undefined): string[] {
  const serverOrigin = new URL(baseURL ?? '').origin;
  const foreign: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== serverOrigin) foreign.push(request.url());
  });
  return foreign;
}

// The documentation must work on a server with no internet access (every asset comes from the server) and
// under the server's Content-Security-Policy (scripts from the server only).
test('Swagger UI at /docs renders from local assets only, within the CSP', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  const violations = await watchCspViolations(page);
  await page.goto('/docs');
  const login = page.locator('.opblock').filter({ has: page.getByText('/api/v1/auth/login', { exact: true }) });
  await login.getByText('/api/v1/auth/login', { exact: true }).click();
  await expect(login.getByRole('button', { name: 'Try it out' })).toBeVisible();
  await expect(login.getByText('Log in; sets the session cookie')).toBeVisible();
  await login.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'docs');
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test('ReDoc at /redoc renders from local assets only, within the CSP', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  const violations = await watchCspViolations(page);
  await page.goto('/redoc');
  await expect(page.getByRole('heading', { level: 1, name: /Borgitory API/ })).toBeVisible({ timeout: REDOC_TIMEOUT_MS });
  // The search runs in a worker made from a blob: it finds an operation.
  await page.getByPlaceholder('Search...').fill('sets the session cookie');
  const results = page.locator('[data-role="search:results"]');
  await expect(results.getByRole('menuitem', { name: 'Log in; sets the session cookie' })).toBeVisible({ timeout: REDOC_TIMEOUT_MS });
  await saveScreenshot(page, 'redoc');
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});
