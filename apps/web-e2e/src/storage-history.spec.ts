import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { createRepository, expect, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Waits until the first chart is as wide as its place in the panel (it follows its element's width). */
async function chartFills(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const plot = document.querySelector('.storage-chart__plot');
        const canvas = plot?.querySelector('canvas');
        return plot && canvas ? Math.abs(plot.clientWidth - canvas.clientWidth) : Infinity;
      }),
    )
    .toBeLessThanOrEqual(1);
}

let workDir: string;

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-history-'));
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** YYYY-MM-DD of the day `daysAgo` days before today (UTC). */
const dayBefore = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

test('a repository page charts storage over time for 24 archives and shows 90 days of backups', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const path = join(workDir, 'photos');
  const source = join(workDir, 'photos-source');
  mkdirSync(source);
  const id = await createRepository(page, 'Photos', path);

  // 24 archives over twelve weeks, every third day, the source growing each time, with a gap of two weeks in it
  // (from 51 to 36 days ago).
  const env = {
    ...process.env,
    BORG_BASE_DIR: join(workDir, 'borg-cli'),
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
    BORG_SELFTEST: 'disabled',
    BORG_FUSE_IMPL: 'none',
  };
  const days = Array.from({ length: 24 }, (_, i) => (i < 12 ? 84 - 3 * i : 36 - 3 * (i - 12)));
  for (const [i, daysAgo] of days.entries()) {
    writeFileSync(join(source, `photo-${i}.raw`), `${'pixels '.repeat(4000 * (i + 1))}${i}\n`);
    execFileSync(
      'borg',
      ['create', '--timestamp', `${dayBefore(daysAgo)}T12:00:00`, `${path}::photos-${String(i).padStart(2, '0')}`, source],
      {
        env,
        stdio: 'pipe',
      },
    );
  }
  // Added three months ago and expected every three days: the days of the gap are missing ones.
  const db = new Database(join(String(process.env.E2E_DATA_DIR), 'borgitory.db'));
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE repositories SET created_at = ? WHERE id = ?').run(
    new Date(Date.now() - 88 * DAY_MS).toISOString().replace('T', ' ').slice(0, 23),
    id,
  );
  db.close();
  const updated = await page.request.put(`/api/repositories/${id}`, { data: { max_age_hours: 84 } });
  expect(updated.status(), await updated.text()).toBe(200);
  const listed = await page.request.get(`/api/repositories/${id}/archives?refresh=true&limit=100`);
  expect(((await listed.json()) as { meta: { total: number } }).meta.total).toBe(24);

  // A backup that fails today: its archive name is taken.
  const failed = await page.request.post('/api/backups/manual', {
    data: { repository_id: id, source_path: source, archive_name: 'photos-00' },
  });
  expect(failed.status(), await failed.text()).toBe(201);
  const failedId = ((await failed.json()) as { data: { id: number } }).data.id;
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${failedId}`)).json()) as { data: { status: string } }).data.status, {
      timeout: 60_000,
    })
    .toBe('failed');

  const storage = region(page, 'Storage over time');
  const calendar = region(page, 'Backups, last 90 days');

  await test.step('the figures of the archives are read in the background, and the chart draws them', async () => {
    await page.goto(`/repositories/${id}`);
    await expect(storage).toContainText('24 archives');
    await expect(storage.getByRole('status')).toHaveCount(0, { timeout: 180_000 });
    const chart = storage.getByRole('img');
    await expect(chart).toHaveAttribute('aria-label', /^Sizes of 24 archives from .* The newest: .* original/);
    await expect(storage.locator('canvas').first()).toBeVisible();
    await expect(storage).toContainText('Size of each archive');
    await expect(storage).toContainText('Space each archive added (deduplicated)');
    await chartFills(page);
  });

  await test.step('the calendar counts the days with a backup, the failed one and the missing ones', async () => {
    await expect(calendar).toContainText(/\d+ days with a backup, 1 day failed, \d+ days missing/);
    await expect(calendar.locator('.backup-calendar__day--completed[data-date]')).toHaveCount(24);
    await expect(calendar.locator('.backup-calendar__day--failed[data-date]')).toHaveCount(1);
    expect(await calendar.locator('.backup-calendar__day--missing[data-date]').count()).toBeGreaterThan(5);
    await saveScreenshot(page, 'repository-storage-history', { fullPage: true });
  });

  await test.step('as tables, for screen readers and anyone who prefers figures', async () => {
    await storage.getByRole('button', { name: 'Show as table' }).click();
    const table = storage.getByRole('table', { name: 'Size of each archive and the space it added, oldest first' });
    await expect(table.getByRole('row')).toHaveCount(25);
    await expect(table.getByRole('row').nth(1)).toContainText('photos-00');
    await calendar.getByRole('button', { name: 'Show as table' }).click();
    const days = calendar.getByRole('table');
    await expect(days.getByRole('row').nth(1)).toContainText(/Failed\s*0\s*1/);
    await saveScreenshot(page, 'repository-storage-history-tables', { fullPage: true });
  });

  await test.step('390 px wide', async () => {
    await page.goto(`/repositories/${id}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(storage.locator('canvas').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await chartFills(page);
    await saveScreenshot(page, 'repository-storage-history-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('in a dark colour scheme', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto(`/repositories/${id}`);
    await expect(region(darkPage, 'Storage over time').locator('canvas').first()).toBeVisible();
    await expect(region(darkPage, 'Backups, last 90 days')).toContainText('1 day failed');
    await chartFills(darkPage);
    await saveScreenshot(darkPage, 'repository-storage-history-dark', { fullPage: true });
    await dark.close();
  });
});

test('a second backup of the same sources shows how far along it is and the time left, as an estimate', async ({ page }) => {
  test.setTimeout(300_000);
  const source = join(workDir, 'many-files');
  for (let i = 0; i < 30_000; i++) {
    const dir = join(source, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `f${i}.txt`), `file ${i} ${'x'.repeat(i % 300)}\n`);
  }
  const id = await createRepository(page, 'Estimates', join(workDir, 'estimates'));
  const backUp = async () => {
    const started = await page.request.post('/api/backups/manual', { data: { repository_id: id, source_path: source } });
    expect(started.status(), await started.text()).toBe(201);
    return ((await started.json()) as { data: { id: number } }).data.id;
  };
  const status = async (jobId: number) =>
    ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { data: { status: string } }).data.status;
  const first = await backUp();
  await expect.poll(() => status(first), { timeout: 240_000 }).toBe('completed');

  const second = await backUp();
  await page.goto(`/jobs/${second}`);
  const progress = region(page, 'Progress');
  await expect(progress.getByRole('progressbar', { name: 'Progress (estimate)' })).toBeVisible({ timeout: 60_000 });
  await expect(progress).toContainText(/~\d+ %/);
  await expect(progress).toContainText('estimate');
  await expect(progress).toContainText(/About .* left|Time left: not known yet/);
  await saveScreenshot(page, 'job-progress-estimate', { fullPage: true });
  await expect.poll(() => status(second), { timeout: 120_000 }).toBe('completed');
});
