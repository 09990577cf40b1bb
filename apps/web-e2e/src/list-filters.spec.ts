import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createRepository, expect, field, jobStatus, test, toggle, writeArchives } from './fixtures';
import { saveScreenshot } from './screenshots';

const DAY_MS = 24 * 60 * 60 * 1000;

let workDir: string;
let source: string;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-filters-'));
  source = join(workDir, 'source');
  mkdirSync(source);
  writeFileSync(join(source, 'notes.txt'), 'filtered\n');
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** A backup through the API, waited for until it has finished; its id. */
async function backUp(page: Page, repositoryId: number, archiveName: string, status: string): Promise<number> {
  const response = await page.request.post('/api/backups/manual', {
    data: { repository_id: repositoryId, source_path: source, archive_name: archiveName },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { data: job } = (await response.json()) as { data: { id: number } };
  await expect.poll(() => jobStatus(page, job.id), { timeout: 60_000, intervals: [250] }).toBe(status);
  return job.id;
}

/** YYYY-MM-DD of the local day `days` before today. */
function dayBefore(days: number): string {
  const date = new Date(Date.now() - days * DAY_MS);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

test('filter the jobs list by statuses, type, repository and days, in a shareable address', async ({ page, browser }) => {
  const alpha = await createRepository(page, 'Filter Alpha', join(workDir, 'alpha'));
  const bravo = await createRepository(page, 'Filter Bravo', join(workDir, 'bravo'));
  const alphaDone = await backUp(page, alpha, 'alpha-1', 'completed');
  // The same archive name again: borg refuses it, and the job fails.
  const alphaFailed = await backUp(page, alpha, 'alpha-1', 'failed');
  const bravoDone = await backUp(page, bravo, 'bravo-1', 'completed');
  // Bravo's backup was made ten days ago.
  const db = new Database(join(String(process.env.E2E_DATA_DIR), 'borgitory.db'));
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE jobs SET created_at = ? WHERE id = ?').run(
    new Date(Date.now() - 10 * DAY_MS).toISOString().replace('T', ' ').slice(0, 23),
    bravoDone,
  );
  db.close();
  const jobRow = (id: number) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${id}`, exact: true }) });
  const status = (name: string) => page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name, exact: true });

  await test.step('statuses and a repository', async () => {
    await page.goto('/jobs');
    await field(page, 'Repository').selectOption({ label: 'Filter Alpha' });
    await expect(page).toHaveURL(`/jobs?repository_id=${alpha}`);
    await expect(jobRow(alphaDone)).toBeVisible();
    await expect(jobRow(alphaFailed)).toBeVisible();
    await expect(jobRow(bravoDone)).toBeHidden();
    await toggle(status('Failed'), true);
    await toggle(status('Warning'), true);
    await expect(page).toHaveURL(`/jobs?status=warning%2Cfailed&repository_id=${alpha}`);
    await expect(jobRow(alphaFailed)).toBeVisible();
    await expect(jobRow(alphaDone)).toBeHidden();
    await field(page, 'Type').selectOption('prune');
    await expect(page.getByText('No jobs match these filters.')).toBeVisible();
    await field(page, 'Type').selectOption('backup');
    await expect(jobRow(alphaFailed)).toBeVisible();
  });

  await test.step('a range of days', async () => {
    await page.goto('/jobs');
    await toggle(status('Completed'), true);
    await expect(jobRow(alphaDone)).toBeVisible();
    await field(page, 'To').fill(dayBefore(5));
    await expect(page).toHaveURL(`/jobs?status=completed&to=${dayBefore(5)}`);
    await expect(jobRow(bravoDone)).toBeVisible();
    await expect(jobRow(alphaDone)).toBeHidden();
    await field(page, 'From').fill(dayBefore(12));
    await expect(jobRow(bravoDone)).toBeVisible();
    await saveScreenshot(page, 'jobs-filtered', { fullPage: true });
  });

  await test.step('the address shows the same view elsewhere, in dark and on a phone', async () => {
    const address = `/jobs?status=completed,failed&repository_id=${bravo}&from=${dayBefore(12)}&to=${dayBefore(5)}`;
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto(address);
    const darkStatus = (name: string) => darkPage.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name, exact: true });
    await expect(darkStatus('Completed')).toBeChecked();
    await expect(darkStatus('Failed')).toBeChecked();
    await expect(darkStatus('Warning')).not.toBeChecked();
    await expect(field(darkPage, 'Repository')).toHaveValue(String(bravo));
    await expect(field(darkPage, 'From')).toHaveValue(dayBefore(12));
    await expect(field(darkPage, 'To')).toHaveValue(dayBefore(5));
    await expect(
      darkPage.getByRole('row').filter({ has: darkPage.getByRole('link', { name: `#${bravoDone}`, exact: true }) }),
    ).toBeVisible();
    await saveScreenshot(darkPage, 'jobs-filtered-dark', { fullPage: true });
    await darkPage.setViewportSize({ width: 390, height: 844 });
    await darkPage.emulateMedia({ colorScheme: 'light' });
    await saveScreenshot(darkPage, 'jobs-filtered-narrow', { fullPage: true });
    await dark.close();
  });

  // The failure made here is not one the dashboard of the other specs should count.
  const acknowledged = await page.request.post(`/api/jobs/${alphaFailed}/acknowledge`);
  expect(acknowledged.status(), await acknowledged.text()).toBe(200);
});

test('narrow the archives of a repository to a range of days', async ({ page }) => {
  const path = join(workDir, 'dated');
  const id = await createRepository(page, 'Dated archives', path);
  await writeArchives(
    page,
    { id, path },
    source,
    [
      { name: 'early-november', day: '2026-11-01' },
      { name: 'mid-november', day: '2026-11-15' },
      { name: 'december', day: '2026-12-01' },
    ],
    join(workDir, 'borg-base'),
  );
  const archiveRow = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

  await page.goto(`/repositories/${id}/archives`);
  await expect(archiveRow('december')).toBeVisible();
  await field(page, 'From').fill('2026-11-10');
  await field(page, 'To').fill('2026-11-30');
  await expect(page).toHaveURL(`/repositories/${id}/archives?from=2026-11-10&to=2026-11-30`);
  await expect(archiveRow('mid-november')).toBeVisible();
  await expect(archiveRow('early-november')).toBeHidden();
  await expect(archiveRow('december')).toBeHidden();
  await saveScreenshot(page, 'archives-date-range', { fullPage: true });
  await field(page, 'To').fill('2026-11-12');
  await expect(page.getByText('No archives were made in these days.')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await field(page, 'From').fill('2026-10-01');
  await expect(archiveRow('early-november')).toBeVisible();
  await saveScreenshot(page, 'archives-date-range-narrow', { fullPage: true });
});
