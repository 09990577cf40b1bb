import { expect, test, type Page } from '@playwright/test';
import { screenshotPath } from './screenshots';

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

// The documentation must work on a server with no internet access: every asset comes from the server.
test('Swagger UI at /docs renders from local assets only', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  await page.goto('/docs');
  await expect(page.getByText('/api/auth/login', { exact: true })).toBeVisible();
  await page.screenshot({ path: screenshotPath('docs') });
  expect(foreign).toEqual([]);
});

test('ReDoc at /redoc renders from local assets only', async ({ page, baseURL }) => {
  const foreign = watchForeignRequests(page, baseURL);
  await page.goto('/redoc');
  await expect(page.getByRole('heading', { level: 1, name: /Borgitory API/ })).toBeVisible();
  await page.screenshot({ path: screenshotPath('redoc') });
  expect(foreign).toEqual([]);
});
