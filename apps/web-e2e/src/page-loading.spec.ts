import type { Page } from '@playwright/test';
import { expect, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';

// Each page of the SPA is a chunk of its own (apps/web/src/app/pages.ts), named after its file by Vite.
const pageChunk = (file: string) => new RegExp(`/assets/${file}-[^/]+\\.js$`);

/** The paths of the scripts the page requests from now on. */
function watchScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test("the dashboard fetches its own page's code only; another page's comes on its first visit", async ({ page }) => {
  const scripts = watchScripts(page);
  await page.goto('/');
  await expect(region(page, 'Server health')).toContainText('Healthy');

  expect(scripts.some((path) => pageChunk('dashboard-page').test(path))).toBe(true);
  for (const other of ['jobs-page', 'job-page', 'repositories-page', 'schedules-page', 'cloud-sync-page', 'login-page']) {
    expect(scripts.some((path) => pageChunk(other).test(path))).toBe(false);
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  expect(scripts.some((path) => pageChunk('jobs-page').test(path))).toBe(true);
});

test('while a page loads, the previous one stays and a status says the next is loading', async ({ page }) => {
  const jobsChunk = pageChunk('jobs-page');
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(jobsChunk, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/');
  await expect(region(page, 'Server health')).toContainText('Healthy');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs', exact: true }).click();
  await expect(page).toHaveURL('/jobs');
  const loading = page.getByRole('status').getByText('Loading the page…');
  await expect(loading).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await saveScreenshot(page, 'page-loading');

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  await expect(loading).toHaveCount(0);
});

test('a page whose code cannot be fetched says so, keeps the navigation, and loads on a later visit', async ({ page }) => {
  const backupsChunk = pageChunk('backups-page');
  await page.route(backupsChunk, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/');
  await expect(region(page, 'Server health')).toContainText('Healthy');

  const navigation = page.getByRole('navigation', { name: 'Main' });
  await navigation.getByRole('link', { name: 'Backups', exact: true }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(failure).toBeVisible();
  await expect(failure.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(navigation).toBeVisible();
  await saveScreenshot(page, 'page-load-failed');

  await navigation.getByRole('link', { name: 'Jobs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  await expect(failure).toHaveCount(0);

  await page.unroute(backupsChunk);
  await navigation.getByRole('link', { name: 'Backups', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
});
