import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createRepository, expect, field, region, test, toggle } from './fixtures';
import { saveScreenshot } from './screenshots';

// Enough small files that borg needs a few seconds on this machine (about 3.5 s for 20,000), so the
// browser sees the backup running and its file count rising.
const SMALL_FILES = 20_000;
const FILES_PER_DIRECTORY = 100;
// Files borg spends a long time on with lzma (about 3 MB/s here): a backup to cancel while it runs.
const BIG_FILES = 12;
const BIG_FILE_BYTES = 5 * 1024 * 1024;

// The server runs as the same user on this machine, so it reads these sources and keeps the repositories here.
let workDir: string;
let smallTree: string;
let bigTree: string;

/** `count` files of random text in directories of FILES_PER_DIRECTORY, plus a few *.tmp files to exclude. */
function writeSmallTree(root: string, count: number) {
  for (let i = 0; i < count; i++) {
    const directory = join(root, `d${String(Math.floor(i / FILES_PER_DIRECTORY)).padStart(3, '0')}`);
    if (i % FILES_PER_DIRECTORY === 0) mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, `f${i}.txt`), randomBytes(300).toString('base64'));
  }
  for (let i = 0; i < 5; i++) writeFileSync(join(root, `scratch-${i}.tmp`), 'temporary');
  writeFileSync(join(root, 'readme.txt'), 'The documents to back up.');
}

function writeBigTree(root: string) {
  mkdirSync(root, { recursive: true });
  for (let i = 0; i < BIG_FILES; i++) {
    writeFileSync(join(root, `video-${i}.raw`), randomBytes((BIG_FILE_BYTES * 3) / 4).toString('base64'));
  }
}

/** An unencrypted repository, kept in workDir. */
function createNamedRepository(page: Page, name: string): Promise<number> {
  return createRepository(page, name, join(workDir, 'repositories', name.toLowerCase()));
}

/** The number a figure of the progress panel shows ("12,345" → 12345), or -1 while there is none. */
async function figure(progress: Locator, term: string): Promise<number> {
  const value = progress.locator(`dt:text-is("${term}") + dd`);
  if ((await value.count()) === 0) return -1;
  return Number((await value.innerText()).replace(/[^\d]/g, ''));
}

/** In the source picker: from "/", open each directory on the way to `path`. */
async function browseTo(dialog: Locator, path: string) {
  await expect(dialog.getByText('Current directory')).toBeVisible();
  let current = '';
  for (const segment of path.split('/').filter(Boolean)) {
    await dialog.getByRole('button', { name: segment, exact: true }).click();
    current += `/${segment}`;
    await expect(dialog.getByText(current, { exact: true })).toBeVisible();
  }
}

test.describe.configure({ timeout: 180_000 });

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-backups-'));
  smallTree = join(workDir, 'sources', 'documents');
  bigTree = join(workDir, 'sources', 'media');
  writeSmallTree(smallTree, SMALL_FILES);
  writeBigTree(bigTree);
  mkdirSync(join(workDir, 'repositories'));
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

test('back up a directory chosen in the picker and follow the job to its end', async ({ page, browser }) => {
  const repository = 'Documents';
  await createNamedRepository(page, repository);
  let jobId = 0;

  await test.step('the form offers the repository and a picker for the source', async () => {
    await page.goto('/backups');
    await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
    await expect(page).toHaveTitle('Backups · Borgitory');
    await field(page, 'Repository').selectOption({ label: repository });
    await expect(field(page, 'Archive name')).toHaveAttribute('placeholder', '{hostname}-{now:%Y-%m-%dT%H:%M:%S}');
    await expect(field(page, 'Compression')).toHaveValue('lz4');

    await page.getByRole('button', { name: 'Browse… for source path 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose what to back up' });
    await expect(dialog).toBeVisible();
    await browseTo(dialog, smallTree);
    await expect(dialog.getByRole('button', { name: '..' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'd000', exact: true })).toBeVisible();
    // Files can be chosen on their own, but not opened.
    await expect(dialog.getByRole('button', { name: 'Choose readme.txt' })).toBeVisible();
    await saveScreenshot(page, 'backup-picker');
    await dialog.getByRole('button', { name: 'Choose this directory' }).click();
    await expect(dialog).toBeHidden();
    await expect(field(page, 'Source path 1')).toHaveValue(smallTree);
  });

  await test.step('an exclude pattern is added and the backup starts', async () => {
    await field(page, 'Exclude patterns').fill('*.tmp');
    await saveScreenshot(page, 'backup-form', { fullPage: true });
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    jobId = Number(new URL(page.url()).pathname.split('/').pop());
    const heading = page.getByRole('heading', { level: 1, name: `Backup #${jobId} · ${repository}` });
    await expect(heading).toBeVisible();
    await expect(page).toHaveTitle(`Backup #${jobId} · ${repository} · Borgitory`);
    // The button sat at the foot of a long form: the job opens at its top, its title and Cancel in view.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(heading).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    // What the browser shows, not the whole page: the top of the job.
    await saveScreenshot(page, 'job-opened');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'job-opened-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('while borg runs, the progress figures rise', async () => {
    const progress = region(page, 'Progress');
    await expect(progress.getByRole('progressbar', { name: 'Progress' })).toBeVisible();
    await expect(progress.locator('dt:text-is("Files") + dd')).toBeVisible();
    const first = await figure(progress, 'Files');
    await expect.poll(() => figure(progress, 'Files'), { timeout: 15_000, intervals: [100] }).toBeGreaterThan(first);
    await expect(progress).toContainText('Original size');
    await expect(progress).toContainText('Deduplicated');
    await expect(progress.getByText('Current file')).toBeVisible();
    await saveScreenshot(page, 'job-running', { fullPage: true });
  });

  await test.step('the job completes with the archive and its figures', async () => {
    await expect(region(page, 'Details')).toContainText(/Status\s*Completed/, { timeout: 60_000 });
    await expect(region(page, 'Progress')).toBeHidden();
    const result = region(page, 'Result');
    await expect(result).toContainText('Backup completed.');
    await expect(result).toContainText(new RegExp(`Archive\\s*${hostname()}-\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}`));
    // The *.tmp files were left out: only the documents and the readme.
    await expect(result).toContainText(new RegExp(`Files\\s*${(SMALL_FILES + 1).toLocaleString('en')}(?!\\d)`));
    await expect(result).toContainText(/Deduplicated size\s*\d+\.\d MB/);
    // Which duration is which: borg's own beside the job's, each labelled.
    await expect(result).toContainText(/Time in borg create\s*[\d.]+ s \(borg’s own figure/);
    await expect(region(page, 'Details')).toContainText(/Job duration\s*[\d.]+ s \(start to finish/);
    await expect(region(page, 'Parameters')).toContainText(/Excludes\s*\*\.tmp/);

    // It really ran for a while, so the browser could follow it.
    const answer = await page.request.get(`/api/jobs/${jobId}`);
    const { data: job } = (await answer.json()) as {
      data: { result: { duration_seconds: number; files: number; original_size: number } };
    };
    expect(job.result.files).toBe(SMALL_FILES + 1);
    expect(job.result.duration_seconds).toBeGreaterThanOrEqual(2);
    // Sizes in borg's decimal units: the byte count divided by 1000 × 1000, as borg prints it.
    await expect(result).toContainText(new RegExp(`Original size\\s*${(job.result.original_size / 1e6).toFixed(1)} MB`));
  });

  await test.step('the log shows what borg was asked to do', async () => {
    const log = page.getByRole('log', { name: 'Job log' });
    await expect(log).toContainText(/Running: borg create --compression lz4 --exclude \*\.tmp REPOSITORY::/);
    const download = page.getByRole('link', { name: 'Download log' });
    await expect(download).toHaveAttribute('href', `/api/v1/jobs/${jobId}/logs?format=text`);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Retry' })).toBeHidden();
    await saveScreenshot(page, 'job-completed', { fullPage: true });
  });

  await test.step('the finished job opens with its full log', async () => {
    await page.reload();
    await expect(region(page, 'Result')).toContainText('Backup completed.');
    await expect(page.getByRole('log', { name: 'Job log' })).toContainText('Running: borg create');
  });

  await test.step('the job view in a dark colour scheme', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto(`/jobs/${jobId}`);
    await expect(region(darkPage, 'Result')).toContainText('Backup completed.');
    await expect(darkPage.getByRole('log', { name: 'Job log' })).toContainText('Running: borg create');
    await saveScreenshot(darkPage, 'job-completed-dark', { fullPage: true });
    await dark.close();
  });

  await test.step('the job view on a narrow screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(region(page, 'Result')).toBeVisible();
    await saveScreenshot(page, 'job-completed-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('the jobs list shows it as completed', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await expect(page).toHaveURL('/jobs');
    await expect(page).toHaveTitle('Jobs · Borgitory');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${jobId}`, exact: true }) });
    await expect(row).toContainText('Backup');
    await expect(row).toContainText(repository);
    await expect(row).toContainText('Completed');
    await expect(row).toContainText(`${(SMALL_FILES + 1).toLocaleString('en')} files`);
    const status = (name: string) => page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name, exact: true });
    await toggle(status('Failed'), true);
    await expect(page).toHaveURL('/jobs?status=failed');
    await expect(page.getByText('No jobs match these filters.')).toBeVisible();
    await toggle(status('Failed'), false);
    await toggle(status('Completed'), true);
    await expect(row).toBeVisible();
    await saveScreenshot(page, 'jobs-list');
  });

  await test.step('the dashboard lists it under recent jobs', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const recent = region(page, 'Recent jobs');
    await expect(recent.getByRole('listitem').filter({ hasText: `Backup #${jobId}` })).toContainText('Completed');
    await expect(region(page, 'Running jobs')).toContainText('No jobs are running.');
    await expect(page.getByRole('link', { name: 'Back up now' })).toHaveAttribute('href', '/backups');
    await saveScreenshot(page, 'dashboard-jobs', { fullPage: true });
  });
});

test('cancel a running backup, then retry it', async ({ page }) => {
  const repository = 'Media';
  const repositoryId = await createNamedRepository(page, repository);
  let jobId = 0;
  // A second tab on the jobs list, which follows the jobs' status changes without reloading.
  const jobsTab = await page.context().newPage();
  const jobRow = (id: number) => jobsTab.getByRole('row').filter({ has: jobsTab.getByRole('link', { name: `#${id}`, exact: true }) });

  await test.step('the repository page leads to the form with the repository chosen', async () => {
    await page.goto(`/repositories/${repositoryId}`);
    await page.getByRole('link', { name: 'Back up now' }).click();
    await expect(page).toHaveURL(`/backups?repository_id=${repositoryId}`);
    await expect(field(page, 'Repository')).toHaveValue(String(repositoryId));
  });

  await test.step('a slow backup starts', async () => {
    await field(page, 'Source path 1').fill(bigTree);
    await field(page, 'Compression').selectOption('lzma');
    // On a phone the form is longest: the job still opens at its top.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    jobId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(region(page, 'Details')).toContainText(/Status\s*Running/);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeInViewport();
    await expect(region(page, 'Progress').getByText('Current file')).toBeVisible();
    await saveScreenshot(page, 'job-opened-narrow');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('the dashboard lists it under running jobs', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const running = region(page, 'Running jobs')
      .getByRole('listitem')
      .filter({ hasText: `Backup #${jobId}` });
    await expect(running).toContainText(repository);
    await expect(running).toContainText('Running');
    await saveScreenshot(page, 'dashboard-running');
    await running.getByRole('link', { name: `Backup #${jobId}` }).click();
    await expect(page).toHaveURL(`/jobs/${jobId}`);
    await expect(region(page, 'Progress')).toBeVisible();
  });

  await test.step('the jobs list in another tab shows it running', async () => {
    await jobsTab.goto('/jobs');
    await expect(jobRow(jobId)).toContainText('Running');
  });

  await test.step('Cancel asks first, then stops borg', async () => {
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this backup?' });
    await expect(dialog).toBeVisible();
    await saveScreenshot(page, 'job-cancel-dialog');
    await dialog.getByRole('button', { name: 'Cancel backup' }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(region(page, 'Details')).toContainText(/Status\s*Cancelled/);
    await expect(region(page, 'Result')).toContainText('The job was cancelled before it finished.');
    await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeHidden();
    // The other tab was told through /api/v1/jobs/stream.
    await expect(jobRow(jobId)).toContainText('Cancelled');
  });

  await test.step('Retry runs it again as a new job that completes', async () => {
    // Less to back up this time, so that the retry is quick.
    for (let i = 1; i < BIG_FILES; i++) rmSync(join(bigTree, `video-${i}.raw`));
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page).not.toHaveURL(`/jobs/${jobId}`);
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    const retryId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(retryId).toBeGreaterThan(jobId);
    await expect(page.getByRole('heading', { level: 1, name: `Backup #${retryId} · ${repository}` })).toBeVisible();
    await expect(region(page, 'Details')).toContainText(`Retry of job #${jobId}`);
    await expect(region(page, 'Details')).toContainText(/Status\s*Completed/, { timeout: 60_000 });
    await expect(region(page, 'Result')).toContainText(/Files\s*1(?!\d)/);
    await expect(region(page, 'Parameters')).toContainText(/Compression\s*lzma/);
    await expect(page.getByRole('log', { name: 'Job log' })).toContainText('Running: borg create --compression lzma');
    await expect(jobRow(retryId)).toContainText('Completed');
    await expect(jobRow(retryId)).toContainText('1 file, ');
    await jobsTab.close();
  });
});

test("the form shows its own and the server's messages by their fields", async ({ page }) => {
  await createNamedRepository(page, 'Checks');
  await page.goto('/backups');

  await test.step('a repository and a source are required', async () => {
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(field(page, 'Repository')).toHaveAccessibleDescription('Choose the repository to back up to.');
    await expect(field(page, 'Repository')).toBeFocused();
    await expect(page.getByRole('group', { name: 'Source paths' })).toContainText('Add at least one directory or file to back up.');
  });

  await test.step('what the server refuses is shown under its field', async () => {
    const missing = join(workDir, 'no-such-directory');
    await field(page, 'Repository').selectOption({ label: 'Checks' });
    await field(page, 'Source path 1').fill(missing);
    await page.getByRole('button', { name: 'Add another path' }).click();
    await field(page, 'Source path 2').fill(smallTree);
    await field(page, 'Compression').selectOption('custom');
    await field(page, 'Custom compression').fill('zstd,99');
    await field(page, 'Exclude patterns').fill('*.tmp\nxx:cache');
    await page.getByRole('button', { name: 'Back up now' }).click();

    // The request's syntax is checked first, then the paths on disk.
    const compression = field(page, 'Custom compression');
    await expect(compression).toHaveAccessibleDescription(/Compression must be none, lz4/);
    await expect(compression).toBeFocused();
    await expect(field(page, 'Exclude patterns')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(page, 'Exclude patterns')).toHaveAccessibleDescription(/exclude pattern|pattern style/);
    await saveScreenshot(page, 'backup-form-errors', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'backup-form-errors-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(compression).toHaveAccessibleDescription(/Compression must be none, lz4/);
    await saveScreenshot(page, 'backup-form-errors-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    await compression.fill('zstd,9');
    await expect(compression).not.toHaveAttribute('aria-invalid');
    await field(page, 'Exclude patterns').fill('*.tmp');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(field(page, 'Source path 1')).toHaveAccessibleDescription(`${missing} does not exist`);
    await expect(field(page, 'Source path 1')).toBeFocused();
    await expect(field(page, 'Source path 2')).not.toHaveAttribute('aria-invalid');
    await expect(page).toHaveURL('/backups');
  });

  await test.step('a message goes once its field is changed', async () => {
    await page.getByRole('button', { name: 'Remove source path 1' }).click();
    await expect(field(page, 'Source path 1')).toHaveValue(smallTree);
    await expect(field(page, 'Source path 1')).not.toHaveAttribute('aria-invalid');
    await expect(page.getByRole('button', { name: 'Remove source path 1' })).toBeHidden();
  });
});
