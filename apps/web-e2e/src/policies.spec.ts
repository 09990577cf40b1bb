import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  archiveNames,
  createRepository,
  expect,
  field,
  jobStatus,
  region,
  rowNamed,
  test,
  writeArchives,
  type DatedArchive,
} from './fixtures';
import { saveScreenshot } from './screenshots';

const REPOSITORY = 'Nightly';
const TAKEN_NAME = 'Photos: last 1';
const POLICY = 'Docs: 2 daily, 2 weekly';
const EDITED = 'Docs: 1 daily';
const CHECK_POLICY = 'Newest archive, with data';

// Nightly archives of documents over three weeks (November 2026: the 3rd and the 10th are Tuesdays, the 16th a
// Monday), made at noon UTC so that every time zone sees the same dates, and one archive of photos.
const DOCS_DAYS = ['2026-11-03', '2026-11-10', '2026-11-12', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18'];
// What borg prune --keep-daily 2 --keep-weekly 2 --glob-archives 'docs-*' keeps: the newest two days, then the
// newest archive of each of the two weeks before the newest week. photos-* is never considered.
const KEPT = [
  ['docs-2026-11-18', 'daily #1'],
  ['docs-2026-11-17', 'daily #2'],
  ['docs-2026-11-15', 'weekly #1'],
  ['docs-2026-11-03', 'weekly #2'],
];
const PRUNED = ['docs-2026-11-16', 'docs-2026-11-12', 'docs-2026-11-10'];

// Random data that borg compresses with lzma at a few MB/s: a backup that keeps the repository busy for seconds.
const BUSY_FILES = 3;
const BUSY_FILE_BYTES = 8 * 1024 * 1024;

const tableRows = (page: Page, caption: string) => page.getByRole('table', { name: caption }).getByRole('row');

let workDir: string;
let source: string;
let busySource: string;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-policies-'));
  source = join(workDir, 'sources', 'docs');
  busySource = join(workDir, 'sources', 'busy');
  mkdirSync(source, { recursive: true });
  mkdirSync(busySource, { recursive: true });
  writeFileSync(join(source, 'notes.txt'), 'Notes\n');
  for (let i = 0; i < BUSY_FILES; i++) writeFileSync(join(busySource, `random-${i}.bin`), randomBytes(BUSY_FILE_BYTES));
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** A repository made through the API, with archives written by the borg command line at given days. */
async function createRepositoryWithArchives(page: Page, directory: string, archives: DatedArchive[]): Promise<number> {
  const path = join(workDir, directory);
  const id = await createRepository(page, REPOSITORY, path);
  await writeArchives(page, { id, path }, source, archives, join(workDir, 'borg-cli'));
  return id;
}

test('a pruning policy: refused without a keep rule, previewed, pruned as a dry run, edited and deleted', async ({ page }) => {
  const archives = [...DOCS_DAYS.map((day) => ({ name: `docs-${day}`, day })), { name: 'photos-2026-11-18', day: '2026-11-18' }];
  const repositoryId = await createRepositoryWithArchives(page, 'pruned-repository', archives);
  const allArchives = archives.map((archive) => archive.name).sort();
  const taken = await page.request.post('/api/pruning-policies', { data: { name: TAKEN_NAME, keep_last: 1 } });
  expect(taken.status(), await taken.text()).toBe(201);

  await test.step('the schedules tabs lead to the pruning policies', async () => {
    await page.goto('/schedules');
    const tabs = page.getByRole('navigation', { name: 'Schedules and policies' });
    await expect(tabs.getByRole('link', { name: 'Schedules' })).toHaveAttribute('aria-current', 'page');
    await saveScreenshot(page, 'schedules-tabs');
    await tabs.getByRole('link', { name: 'Pruning policies' }).click();
    await expect(page).toHaveURL('/schedules/pruning-policies');
    await expect(page.getByRole('heading', { level: 1, name: 'Pruning policies' })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Pruning policies' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedules' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(rowNamed(page, TAKEN_NAME)).toContainText('last 1');
  });

  await test.step('a policy without a keep rule is refused, and a taken name, each next to its field', async () => {
    await page.getByRole('link', { name: 'New pruning policy' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New pruning policy' })).toBeVisible();
    const keep = page.getByRole('group', { name: 'Keep' });
    await expect(keep).toContainText('At least one rule is required');
    await field(page, 'Name').fill(TAKEN_NAME);
    await field(page, 'Archive name pattern (optional)').fill('docs-*');
    await page.getByRole('button', { name: 'Create policy' }).click();

    await expect(keep.getByRole('listitem')).toHaveText(/Set at least one keep rule \(keep within, or a number of archives to keep\)/);
    await expect(field(keep, 'Within')).toBeFocused();
    await expect(field(keep, 'Daily')).toHaveAttribute('aria-invalid', 'true');
    await saveScreenshot(page, 'pruning-policy-form-errors', { fullPage: true });

    await field(keep, 'Daily').fill('2');
    await field(keep, 'Weekly').fill('2');
    await expect(keep.getByRole('listitem')).toHaveCount(0);
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(page.getByText(`A pruning policy named "${TAKEN_NAME}" already exists`)).toBeVisible();
    await expect(field(page, 'Name')).toBeFocused();
    await field(page, 'Name').fill(POLICY);
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(page).toHaveURL('/schedules/pruning-policies');
  });

  await test.step('the list says the rules in words', async () => {
    const row = rowNamed(page, POLICY);
    await expect(row.getByRole('cell').nth(0)).toHaveText('2 daily · 2 weekly');
    await expect(row.getByRole('cell').nth(1)).toHaveText('docs-*');
    await expect(row.getByRole('cell').nth(2)).toHaveText('No');
    await saveScreenshot(page, 'pruning-policies-list', { fullPage: true });
  });

  await test.step('the preview shows what borg keeps, by which rule, and what it prunes', async () => {
    await page.getByRole('link', { name: `Preview ${POLICY}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Preview ${POLICY}` })).toBeVisible();
    await field(page, 'Repository').selectOption({ label: REPOSITORY });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/schedules/pruning-policies/\\d+/preview\\?repository_id=${repositoryId}$`));
    await expect(region(page, `In ${REPOSITORY}`)).toContainText('borg would keep 4 archives and prune 3.', { timeout: 30_000 });

    const kept = tableRows(page, 'Kept archives');
    await expect(kept).toHaveCount(KEPT.length + 1);
    for (const [index, [name, rule]] of KEPT.entries()) {
      await expect(kept.nth(index + 1).getByRole('rowheader')).toHaveText(name);
      await expect(kept.nth(index + 1).getByRole('cell')).toHaveText(rule);
    }
    const pruned = tableRows(page, 'Pruned archives');
    await expect(pruned).toHaveCount(PRUNED.length + 1);
    for (const [index, name] of PRUNED.entries()) await expect(pruned.nth(index + 1)).toHaveText(name);
    await saveScreenshot(page, 'prune-preview', { fullPage: true });
  });

  await test.step('while a job holds the repository the preview says so', async () => {
    const started = await page.request.post('/api/backups/manual', {
      data: { repository_id: repositoryId, source_path: busySource, archive_name: 'busy', compression: 'lzma,9' },
    });
    expect(started.status(), await started.text()).toBe(201);
    const { data: job } = (await started.json()) as { data: { id: number } };
    await expect.poll(() => jobStatus(page, job.id), { timeout: 30_000, intervals: [100] }).toBe('running');

    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('A job is queued or running on this repository');
    await expect(alert.getByRole('link', { name: 'See the repository’s jobs' })).toHaveAttribute(
      'href',
      `/jobs?repository_id=${repositoryId}`,
    );
    await saveScreenshot(page, 'prune-preview-busy', { fullPage: true });
    // The backup was still running when the preview was refused (it is cancelled, not finished).
    const cancelled = await page.request.post(`/api/jobs/${job.id}/cancel`);
    expect(((await cancelled.json()) as { data: { status: string } }).data.status).toBe('cancelled');

    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(region(page, `In ${REPOSITORY}`)).toContainText('borg would keep 4 archives and prune 3.', { timeout: 30_000 });
  });

  await test.step('prune now as a dry run runs a job that deletes nothing', async () => {
    await region(page, `In ${REPOSITORY}`).getByRole('button', { name: 'Prune now…' }).click();
    const dialog = page.getByRole('dialog', { name: `Prune with ${POLICY}?` });
    await expect(field(dialog, 'Repository')).toHaveValue(String(repositoryId));
    await expect(dialog).toContainText('This cannot be undone.');
    await expect(dialog.getByRole('button', { name: 'Prune now', exact: true })).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Dry run' }).check();
    await saveScreenshot(page, 'prune-now-dialog');
    await dialog.getByRole('button', { name: 'Start dry run' }).click();

    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    const jobId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByRole('heading', { level: 1, name: `Prune #${jobId} · ${REPOSITORY}` })).toBeVisible();
    await expect(region(page, 'Result')).toContainText('Prune completed.', { timeout: 60_000 });
    const log = page.getByRole('log', { name: 'Job log' });
    for (const name of PRUNED) await expect(log).toContainText(new RegExp(`Would prune:\\s+${name}`));
    await saveScreenshot(page, 'prune-job', { fullPage: true });
    expect(await archiveNames(page, repositoryId)).toEqual(allArchives);
  });

  await test.step('the policy is edited', async () => {
    await page.goto('/schedules/pruning-policies');
    await page.getByRole('link', { name: `Edit ${POLICY}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${POLICY}` })).toBeVisible();
    const keep = page.getByRole('group', { name: 'Keep' });
    await expect(field(keep, 'Daily')).toHaveValue('2');
    await expect(field(page, 'Archive name pattern (optional)')).toHaveValue('docs-*');
    await field(page, 'Name').fill(EDITED);
    await field(keep, 'Daily').fill('1');
    await field(keep, 'Weekly').fill('');
    await page.getByRole('checkbox', { name: 'Compact after pruning' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(page).toHaveURL('/schedules/pruning-policies');
    await expect(rowNamed(page, POLICY)).toHaveCount(0);
    const row = rowNamed(page, EDITED);
    await expect(row.getByRole('cell').nth(0)).toHaveText('1 daily');
    await expect(row.getByRole('cell').nth(2)).toHaveText('Yes');
  });

  await test.step('the policy is deleted after a confirmation', async () => {
    await page.getByRole('button', { name: `Delete ${EDITED}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this pruning policy?' });
    await expect(dialog).toContainText(EDITED);
    await dialog.getByRole('button', { name: 'Delete policy' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowNamed(page, EDITED)).toHaveCount(0);
    await expect(rowNamed(page, TAKEN_NAME)).toBeVisible();
    const list = await page.request.get('/api/pruning-policies');
    expect(((await list.json()) as { data: { name: string }[] }).data.map((policy) => policy.name)).toEqual([TAKEN_NAME]);
  });
});

test('a check policy: fields follow the scope, first with last is refused, and a check runs', async ({ page }) => {
  const repositoryId = await createRepositoryWithArchives(page, 'checked-repository', [
    { name: 'docs-2026-11-17', day: '2026-11-17' },
    { name: 'docs-2026-11-18', day: '2026-11-18' },
  ]);

  await test.step('the check policies start empty', async () => {
    await page.goto('/schedules/pruning-policies');
    await page.getByRole('navigation', { name: 'Schedules and policies' }).getByRole('link', { name: 'Check policies' }).click();
    await expect(page).toHaveURL('/schedules/check-policies');
    await expect(page.getByRole('heading', { name: 'No check policies yet' })).toBeVisible();
    await saveScreenshot(page, 'check-policies-empty', { fullPage: true });
  });

  await test.step('the fields the scope does not allow are disabled', async () => {
    await page.getByRole('link', { name: 'Create a check policy' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New check policy' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Repository and archives' })).toBeChecked();
    await expect(field(page, 'Time limit in seconds (optional)')).toBeDisabled();

    await page.getByRole('radio', { name: 'Repository only' }).check();
    await expect(field(page, 'Time limit in seconds (optional)')).toBeEnabled();
    await expect(page.getByRole('checkbox', { name: 'Verify data' })).toBeDisabled();
    await expect(field(page, 'Last')).toBeDisabled();
    await expect(field(page, 'Archive name pattern')).toBeDisabled();
  });

  await test.step('first together with last is refused next to the field', async () => {
    await field(page, 'Name').fill(CHECK_POLICY);
    await page.getByRole('radio', { name: 'Archives only' }).check();
    await expect(field(page, 'Time limit in seconds (optional)')).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Verify data' }).check();
    await field(page, 'First').fill('1');
    await field(page, 'Last').fill('1');
    await page.getByRole('button', { name: 'Create policy' }).click();

    await expect(page.getByText('Give first or last, not both')).toBeVisible();
    await expect(field(page, 'Last')).toBeFocused();
    await expect(field(page, 'Last')).toHaveAttribute('aria-invalid', 'true');
    await saveScreenshot(page, 'check-policy-form-errors', { fullPage: true });

    await field(page, 'First').fill('');
    await expect(page.getByText('Give first or last, not both')).toBeHidden();
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(page).toHaveURL('/schedules/check-policies');
  });

  await test.step('the list says what the policy checks', async () => {
    const cells = rowNamed(page, CHECK_POLICY).getByRole('cell');
    await expect(cells.nth(0)).toHaveText('Archives only');
    await expect(cells.nth(1)).toHaveText('Yes');
    await expect(cells.nth(2)).toHaveText('None');
    await expect(cells.nth(3)).toHaveText('newest 1');
    await saveScreenshot(page, 'check-policies-list', { fullPage: true });
  });

  await test.step('check now runs borg check on the newest archive, with its data', async () => {
    await page.getByRole('button', { name: `Check now with ${CHECK_POLICY}` }).click();
    const dialog = page.getByRole('dialog', { name: `Check with ${CHECK_POLICY}?` });
    await expect(dialog).toContainText('borg check goes through the newest archive and verifies every data chunk.');
    await expect(dialog.getByRole('button', { name: 'Start check' })).toBeDisabled();
    await field(dialog, 'Repository').selectOption({ label: REPOSITORY });
    await saveScreenshot(page, 'check-now-dialog');
    await dialog.getByRole('button', { name: 'Start check' }).click();

    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    const jobId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByRole('heading', { level: 1, name: `Check #${jobId} · ${REPOSITORY}` })).toBeVisible();
    await expect(region(page, 'Result')).toContainText('Check completed.', { timeout: 60_000 });
    const log = page.getByRole('log', { name: 'Job log' });
    await expect(log).toContainText('Starting cryptographic data integrity verification');
    await expect(log).toContainText('Analyzing archive docs-2026-11-18 (1/1)');
    await expect(log).not.toContainText('docs-2026-11-17');
    const job = await page.request.get(`/api/jobs/${jobId}`);
    expect(((await job.json()) as { data: { repository_id: number } }).data.repository_id).toBe(repositoryId);
  });

  await test.step('the policy is deleted after a confirmation', async () => {
    await page.goto('/schedules/check-policies');
    await page.getByRole('button', { name: `Delete ${CHECK_POLICY}` }).click();
    await page.getByRole('dialog', { name: 'Delete this check policy?' }).getByRole('button', { name: 'Delete policy' }).click();
    await expect(page.getByRole('heading', { name: 'No check policies yet' })).toBeVisible();
  });
});
