import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createRepository, expect, jobStatus, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';

let workDir: string;
let source: string;

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-search-'));
  source = join(workDir, 'home');
  mkdirSync(join(source, 'taxes'), { recursive: true });
  writeFileSync(join(source, 'taxes', 'tax-return-2025.pdf'), 'first draft\n');
  writeFileSync(join(source, 'notes.txt'), 'notes\n');
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

async function backUp(page: Page, repositoryId: number, archiveName: string) {
  const response = await page.request.post('/api/backups/manual', {
    data: { repository_id: repositoryId, source_path: source, archive_name: archiveName },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { data: job } = (await response.json()) as { data: { id: number } };
  await expect.poll(() => jobStatus(page, job.id), { timeout: 60_000, intervals: [250] }).toBe('completed');
}

test('search across two repositories finds a file right after its backup, with its other versions', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const laptop = await createRepository(page, 'Search laptop', join(workDir, 'laptop-repo'));
  const nas = await createRepository(page, 'Search NAS', join(workDir, 'nas-repo'));
  await backUp(page, laptop, 'laptop-monday');
  writeFileSync(join(source, 'taxes', 'tax-return-2025.pdf'), 'final version, signed\n');
  await backUp(page, laptop, 'laptop-tuesday');
  await backUp(page, nas, 'nas-tuesday');

  const search = region(page, 'Search files');
  await test.step('the navigation leads to the search; a search finds the file in both repositories', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await expect(page).toHaveURL('/search');
    await expect(page).toHaveTitle('Search · Borgitory');
    await search.getByLabel('Name contains').fill('TAX-RETURN');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]q=TAX-RETURN/);
    // No archive was opened: each was indexed after its backup (the poll covers an index still being built).
    await expect
      .poll(
        async () => {
          await page.reload();
          return search.getByRole('status').first().textContent();
        },
        { timeout: 30_000 },
      )
      .toContain('2 matches in 3 indexed archives of 2 repositories');
    const laptopHits = page.getByRole('table', { name: 'Matches in Search laptop' });
    await expect(laptopHits.getByRole('row').nth(1)).toContainText('laptop-tuesday');
    await expect(laptopHits.getByRole('row').nth(1)).toContainText('22 B');
    await expect(laptopHits.getByRole('link', { name: 'laptop-monday' })).toBeVisible();
    const nasHits = page.getByRole('table', { name: 'Matches in Search NAS' });
    await expect(nasHits.getByRole('row').nth(1)).toContainText('nas-tuesday');
    await saveScreenshot(page, 'search', { fullPage: true });
  });

  await test.step('390 px wide and dark', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('table', { name: 'Matches in Search NAS' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Each hit is a card that reads without scrolling sideways, its versions in reach.
    for (const results of await page.locator('.file-search__results').all()) {
      expect(await results.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
    }
    const version = await page
      .getByRole('table', { name: 'Matches in Search laptop' })
      .getByRole('link', { name: 'laptop-monday' })
      .boundingBox();
    expect(version && version.x + version.width).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'search-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto('/search?q=tax-return');
    await expect(darkPage.getByRole('table', { name: 'Matches in Search NAS' })).toBeVisible();
    await saveScreenshot(darkPage, 'search-dark', { fullPage: true });
    await darkPage.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(darkPage, 'search-narrow-dark', { fullPage: true });
    await dark.close();
  });

  await test.step('a version leads to its folder in that archive', async () => {
    await page.getByRole('table', { name: 'Matches in Search laptop' }).getByRole('link', { name: 'laptop-monday' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'laptop-monday' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Folder' }).locator('[aria-current="page"]')).toHaveText('taxes');
  });
});
