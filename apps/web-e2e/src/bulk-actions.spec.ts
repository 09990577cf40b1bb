import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { archiveNames, createRepository, expect, jobStatus, rowNamed, test, writeArchives } from './fixtures';
import { saveScreenshot } from './screenshots';

test.describe.configure({ timeout: 180_000 });

let work: string;
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'borgitory-e2e-bulk-'));
});
test.afterEach(() => rmSync(work, { recursive: true, force: true }));

/**
 * A source borg takes half a minute over here (lzma on 48 MiB of random bytes, ~2 MiB/s), so that a job of it is
 * still running when the test cancels it, however fast borg starts.
 */
function slowSource(root: string): string {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'noise.bin'), randomBytes(48 * 1024 * 1024));
  return root;
}

function smallSource(name: string): string {
  const source = join(work, name);
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, 'notes.txt'), 'remember the milk\n');
  return source;
}

async function startBackup(page: Page, repositoryId: number, source: string, compression = 'lz4'): Promise<number> {
  const response = await page.request.post('/api/backups/manual', {
    data: { repository_id: repositoryId, source_path: source, compression },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { data: { id: number } }).data.id;
}

async function untilStatus(page: Page, id: number, done: (status: string) => boolean) {
  await expect.poll(async () => done(await jobStatus(page, id)), { timeout: 60_000 }).toBe(true);
}

/** The page as it is, light and dark at full width, and light at 390 px. */
async function screenshots(page: Page, name: string) {
  await saveScreenshot(page, name, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, `${name}-dark`, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-narrow`, { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const bar = (page: Page, noun: string) => page.getByRole('group', { name: `Selected ${noun}` });

test('several jobs are cancelled, then retried, at once; each outcome is shown', async ({ page }) => {
  const busy = await createRepository(page, 'Bulk jobs', join(work, 'busy-repo'));
  const quiet = await createRepository(page, 'Bulk done', join(work, 'quiet-repo'));
  const completed = await startBackup(page, quiet, smallSource('small'));
  await untilStatus(page, completed, (status) => status === 'completed');
  const slow = slowSource(join(work, 'slow'));
  const ids: number[] = [];
  for (let i = 0; i < 4; i++) ids.push(await startBackup(page, busy, slow, 'lzma'));
  await untilStatus(page, ids[0], (status) => status === 'running');

  await page.goto('/jobs');
  for (const id of ids) await page.getByRole('checkbox', { name: `Select job #${id}` }).check();
  await expect(bar(page, 'jobs')).toContainText('4 selected');
  await bar(page, 'jobs').getByRole('button', { name: 'Cancel jobs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel 4 jobs?' });
  await expect(dialog).toBeVisible();
  await saveScreenshot(page, 'bulk-jobs-cancel-dialog');
  await dialog.getByRole('button', { name: 'Cancel jobs' }).click();
  await expect(page.getByRole('status').filter({ hasText: '4 cancelled.' })).toBeVisible({ timeout: 60_000 });
  for (const id of ids) expect(await jobStatus(page, id)).toBe('cancelled');
  await expect(bar(page, 'jobs')).toHaveCount(0);

  // Retrying the completed job fails on its own; the cancelled ones are queued again.
  for (const id of [...ids, completed]) await page.getByRole('checkbox', { name: `Select job #${id}` }).check();
  await bar(page, 'jobs').getByRole('button', { name: 'Retry' }).click();
  const outcome = page.getByRole('status').filter({ hasText: '4 queued again, 1 failed.' });
  await expect(outcome).toBeVisible();
  await expect(outcome).toContainText(`Only failed, cancelled or interrupted jobs can be retried; job ${completed} is completed`);
  const retried = await page.request.get(`/api/jobs?repository_id=${busy}&limit=20`);
  const retries = ((await retried.json()) as { data: { id: number; retry_of_id: number | null }[] }).data.filter(
    (job) => job.retry_of_id !== null,
  );
  expect(retries.map((job) => job.retry_of_id).sort()).toEqual([...ids].sort());

  await page.getByRole('checkbox', { name: 'Select every job on this page' }).check();
  await expect(bar(page, 'jobs')).toContainText(/\d+ selected/);
  await screenshots(page, 'bulk-jobs');
  await bar(page, 'jobs').getByRole('button', { name: 'Clear selection' }).click();
  // The retries would compress their noise for minutes while the next tests run.
  const cancelled = await page.request.post('/api/jobs/bulk', { data: { action: 'cancel', ids: retries.map((job) => job.id) } });
  expect(cancelled.status()).toBe(200);
});

test('several schedules are disabled at once, then deleted after a confirmation', async ({ page }) => {
  const repositoryId = await createRepository(page, 'Bulk schedules', join(work, 'repo'));
  const source = smallSource('documents');
  const names = ['Bulk A', 'Bulk B', 'Bulk C'];
  const ids: number[] = [];
  for (const name of names) {
    const body = { name, repository_id: repositoryId, source_path: source, cron_expression: '0 2 * * *' };
    const response = await page.request.post('/api/schedules', { data: body });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { data: { id: number } }).data.id);
  }

  await page.goto('/schedules');
  for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await expect(bar(page, 'schedules')).toContainText('3 selected');
  await bar(page, 'schedules').getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 disabled.' })).toBeVisible();
  for (const name of names) await expect(rowNamed(page, name).getByRole('switch')).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Select every schedule on this page' }).check();
  await screenshots(page, 'bulk-schedules');

  await bar(page, 'schedules').getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 3 schedules?' });
  await dialog.getByRole('button', { name: 'Delete schedules' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 deleted.' })).toBeVisible();
  for (const id of ids) expect((await page.request.get(`/api/schedules/${id}`)).status()).toBe(404);
});

test("several archives are deleted in one job, compacting after; the job's log shows the one borg call", async ({ page }) => {
  const path = join(work, 'repo');
  const repositoryId = await createRepository(page, 'Bulk archives', path);
  const archives = ['bulk-1', 'bulk-2', 'bulk-3', 'bulk-4', 'bulk-5'].map((name, index) => ({ name, day: `2026-11-0${index + 1}` }));
  await writeArchives(page, { id: repositoryId, path }, smallSource('documents'), archives, join(work, 'borg-base'));

  await page.goto(`/repositories/${repositoryId}/archives`);
  for (const name of ['bulk-2', 'bulk-3', 'bulk-4']) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await expect(bar(page, 'archives')).toContainText('3 selected');
  await bar(page, 'archives').getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 3 archives?' });
  await expect(dialog.getByRole('listitem')).toHaveText(['bulk-4', 'bulk-3', 'bulk-2']);
  await dialog.getByRole('checkbox', { name: 'Compact the repository afterwards' }).check();
  await screenshots(page, 'bulk-archives-dialog');
  await dialog.getByRole('button', { name: 'Delete 3 archives' }).click();
  const outcome = page.getByRole('status').filter({ hasText: '3 archives deleted.' });
  await expect(outcome).toBeVisible({ timeout: 60_000 });
  expect(await archiveNames(page, repositoryId)).toEqual(['bulk-1', 'bulk-5']);
  await expect(page.getByRole('checkbox', { name: /^Select bulk-/ })).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Select every archive on this page' }).check();
  await screenshots(page, 'bulk-archives');

  await outcome.getByRole('link', { name: /^job #\d+$/ }).click();
  await expect(page.getByText('Archives (3)')).toBeVisible();
  await expect(page.getByText('Running: borg delete REPOSITORY::bulk-4 bulk-3 bulk-2')).toHaveCount(1);
});
