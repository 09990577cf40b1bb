import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createRepository, expect, field, jobStatus, region, rowNamed, test } from './fixtures';
import { saveScreenshot } from './screenshots';
import { signedIn } from './session';

// Users this spec makes; each test ends by deleting them, so that the other specs find only the admin.
const VIOLA = { username: 'viola', password: 'silver orchard hums at dawn', role: 'viewer' };
const OTTO = { username: 'otto', password: 'basalt lantern drifts north', role: 'operator' };
const MADE = [VIOLA.username, OTTO.username];

const REPOSITORY = 'Household';
const ARCHIVE = 'household-first';
const SCHEDULE = 'Nightly household';
const HOOK = { name: 'Say hello', command: ['/bin/echo', 'hello'], shell: false, env: { GREETING: 'hi' } };

let workDir: string;
let source: string;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-roles-'));
  source = join(workDir, 'source');
  mkdirSync(join(source, 'docs'), { recursive: true });
  writeFileSync(join(source, 'readme.txt'), 'The household files.\n');
  writeFileSync(join(source, 'docs', 'report.txt'), 'Quarterly report\n');
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

test.afterEach(async ({ page }) => {
  const list = await page.request.get('/api/users?limit=200');
  for (const user of ((await list.json()) as { data: { id: number; username: string }[] }).data) {
    if (MADE.includes(user.username)) expect((await page.request.delete(`/api/users/${user.id}`)).status()).toBe(204);
  }
});

/** A backup made by the admin through the API, waited for. */
async function backUp(admin: Page, repositoryId: number, archiveName: string): Promise<number> {
  const response = await admin.request.post('/api/backups/manual', {
    data: { repository_id: repositoryId, source_path: source, archive_name: archiveName },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { data: job } = (await response.json()) as { data: { id: number } };
  await expect.poll(() => jobStatus(admin, job.id), { timeout: 60_000, intervals: [250] }).toBe('completed');
  return job.id;
}

/** A second archive, deleted again by the admin: the dashboard then lists a "Delete archive" job. */
async function deleteAnArchive(admin: Page, repositoryId: number) {
  await backUp(admin, repositoryId, `${ARCHIVE}-deleted`);
  const response = await admin.request.post(`/api/repositories/${repositoryId}/archives/delete`, {
    data: { names: [`${ARCHIVE}-deleted`] },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A second backup under a name already taken: borg refuses it, and the dashboard asks to acknowledge the failure. */
async function backUpUnderTakenName(admin: Page, repositoryId: number) {
  const response = await admin.request.post('/api/backups/manual', {
    data: { repository_id: repositoryId, source_path: source, archive_name: ARCHIVE },
  });
  expect(response.status(), await response.text()).toBe(201);
  const job = ((await response.json()) as { data: { id: number } }).data;
  await expect.poll(() => jobStatus(admin, job.id), { timeout: 60_000, intervals: [250] }).toBe('failed');
}

async function createSchedule(admin: Page, repositoryId: number): Promise<number> {
  const response = await admin.request.post('/api/schedules', {
    data: {
      name: SCHEDULE,
      repository_id: repositoryId,
      source_paths: [source],
      cron_expression: '0 2 * * *',
      timezone: 'UTC',
      pre_hooks: [HOOK],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { data: { id: number } }).data.id;
}

/**
 * Nothing on the page that only an operator or an admin may use, as a button or as a link (a job's log is anyone's to
 * download, and a link to a job, "Delete archive #12", only opens it).
 */
async function expectNoChanges(page: Page) {
  const forbidden =
    /^(Back up now|Restore selected…|Download(?! log$).*|Delete(?! archive #\d+$).*|Run .*now|Cancel|Retry|Edit.*|New .*|Test connection|Compact now|Break lock|Acknowledge.*|Export key)$/;
  const main = page.getByRole('main');
  await expect(main.getByRole('button', { name: forbidden })).toHaveCount(0);
  await expect(main.getByRole('link', { name: forbidden })).toHaveCount(0);
}

async function screenshots(page: Page, name: string) {
  await saveScreenshot(page, name, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, `${name}-dark`, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-narrow`, { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('a viewer sees the status, the archives and the jobs, and no button that would be refused', async ({ page, browser }) => {
  const repositoryId = await createRepository(page, REPOSITORY, join(workDir, 'repository-viewer'));
  const jobId = await backUp(page, repositoryId, ARCHIVE);
  await deleteAnArchive(page, repositoryId);
  await backUpUnderTakenName(page, repositoryId);
  const scheduleId = await createSchedule(page, repositoryId);
  const viola = await signedIn(page, browser, VIOLA);
  const nav = viola.getByRole('navigation', { name: 'Main' });

  await test.step('the dashboard shows the repository and its failure, without Back up now or Acknowledge', async () => {
    await viola.goto('/');
    await expect(viola.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(region(viola, 'Repositories')).toContainText(REPOSITORY);
    await expect(region(viola, 'Repositories')).toContainText(/Backup #\d+ failed/);
    await expect(region(viola, 'Recent jobs')).toContainText(REPOSITORY);
    await expect(
      region(viola, 'Recent jobs')
        .getByRole('link', { name: /^Delete archive #\d+$/ })
        .first(),
    ).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Repositories' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Backups' })).toHaveCount(0);
    await expectNoChanges(viola);
    await screenshots(viola, 'viewer-dashboard');
  });

  await test.step('the repositories and the repository are listed, without New, Edit or Delete', async () => {
    await nav.getByRole('link', { name: 'Repositories' }).click();
    await expect(rowNamed(viola, REPOSITORY)).toBeVisible();
    await expectNoChanges(viola);
    await rowNamed(viola, REPOSITORY).getByRole('link', { name: REPOSITORY, exact: true }).click();
    await expect(viola.getByRole('heading', { level: 1, name: REPOSITORY })).toBeVisible();
    await expect(viola.getByRole('button', { name: 'Refresh info' })).toBeVisible();
    await expectNoChanges(viola);
  });

  await test.step('the archives are listed and an archive is browsed, without Delete, Download or Restore', async () => {
    await viola.getByRole('main').getByRole('link', { name: 'Archives', exact: true }).click();
    await expect(viola).toHaveURL(`/repositories/${repositoryId}/archives`);
    await expect(rowNamed(viola, ARCHIVE)).toBeVisible();
    await expect(viola.getByRole('link', { name: `Compare ${ARCHIVE}` })).toBeVisible();
    await expect(viola.getByRole('main').getByRole('checkbox', { name: /^Select / })).toHaveCount(0);
    await expectNoChanges(viola);
    await rowNamed(viola, ARCHIVE).getByRole('link', { name: ARCHIVE, exact: true }).click();
    const entries = viola.getByRole('table', { name: /^Contents of/ });
    await expect(entries.getByRole('link', { name: 'tmp', exact: true })).toBeVisible({ timeout: 30_000 });
    // The source's own folder, where the files are.
    await viola.goto(`/repositories/${repositoryId}/archives/${ARCHIVE}?path=${encodeURIComponent(source)}`);
    await expect(entries.getByRole('rowheader', { name: 'readme.txt' })).toBeVisible();
    await expect(entries.getByRole('checkbox')).toHaveCount(0);
    await expectNoChanges(viola);
    await screenshots(viola, 'viewer-archive');
  });

  await test.step('the jobs and a job are shown, without Cancel or Retry', async () => {
    await nav.getByRole('link', { name: 'Jobs' }).click();
    await expect(viola.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    await expect(viola.getByRole('main').getByRole('link', { name: `#${jobId}`, exact: true })).toBeVisible();
    await expect(viola.getByRole('main').getByRole('checkbox', { name: /^Select / })).toHaveCount(0);
    await expectNoChanges(viola);
    await viola.goto(`/jobs/${jobId}`);
    await expect(region(viola, 'Details')).toContainText(/Status\s*Completed/);
    await expectNoChanges(viola);
  });

  await test.step('the schedules are shown with their switch, without Run now, Edit or Delete', async () => {
    await nav.getByRole('link', { name: 'Schedules' }).click();
    await expect(rowNamed(viola, SCHEDULE)).toBeVisible();
    await expect(rowNamed(viola, SCHEDULE).getByRole('switch', { name: `Enable ${SCHEDULE}` })).toBeDisabled();
    await expect(viola.getByRole('main').getByRole('checkbox', { name: /^Select / })).toHaveCount(0);
    await expectNoChanges(viola);
    await viola.goto(`/schedules/${scheduleId}`);
    await expect(viola.getByRole('heading', { level: 1, name: SCHEDULE })).toBeVisible();
    await expect(region(viola, 'Hooks')).toContainText(HOOK.name);
    await expectNoChanges(viola);
    for (const path of ['/schedules/pruning-policies', '/schedules/check-policies', '/cloud-sync', '/notifications']) {
      await viola.goto(path);
      await expect(viola.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(viola.getByRole('main').getByRole('region').first()).toBeVisible();
      await expectNoChanges(viola);
      await expect(viola.getByRole('main').getByRole('link', { name: /^Create / })).toHaveCount(0);
    }
  });

  await test.step('the address of a form says which role it needs instead of showing it', async () => {
    const needs = [
      { path: '/repositories/new', text: 'Adding a repository needs the admin role' },
      { path: `/repositories/${repositoryId}/edit`, text: 'Changing a repository needs the admin role' },
      { path: '/backups', text: 'Backing up needs the operator role' },
      { path: '/schedules/new', text: 'Creating a schedule needs the operator role' },
      { path: `/schedules/${scheduleId}/edit`, text: 'Changing a schedule needs the operator role' },
      { path: '/schedules/pruning-policies/new', text: 'Creating a pruning policy needs the admin role' },
      { path: '/cloud-sync/new', text: 'Creating a cloud sync configuration needs the admin role' },
      { path: '/notifications/new', text: 'Creating a notification channel needs the admin role' },
    ];
    for (const { path, text } of needs) {
      await viola.goto(path);
      await expect(viola.getByRole('alert')).toContainText(text);
      await expect(viola.getByRole('main').getByRole('textbox')).toHaveCount(0);
    }
    await viola.goto('/repositories/new');
    await expect(viola.getByRole('heading', { level: 1, name: 'New repository' })).toBeVisible();
    await saveScreenshot(viola, 'viewer-needs-role');
    await viola.getByRole('alert').getByRole('link', { name: 'the repositories' }).click();
    await expect(viola).toHaveURL('/repositories');
  });
  await viola.context().close();
});

test('an operator backs up and edits a schedule, whose hooks only an admin may change', async ({ page, browser }) => {
  const repositoryId = await createRepository(page, REPOSITORY, join(workDir, 'repository-operator'));
  const scheduleId = await createSchedule(page, repositoryId);
  const otto = await signedIn(page, browser, OTTO);

  await test.step('no repository is added or changed by an operator', async () => {
    await otto.goto('/repositories');
    await expect(rowNamed(otto, REPOSITORY)).toBeVisible();
    await expect(otto.getByRole('link', { name: 'New repository' })).toHaveCount(0);
    await expect(otto.getByRole('link', { name: 'Add your first repository' })).toHaveCount(0);
    await otto.goto(`/repositories/${repositoryId}`);
    await expect(otto.getByRole('button', { name: 'Test connection' })).toBeVisible();
    await expect(otto.getByRole('main').getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(otto.getByRole('main').getByRole('button', { name: 'Delete' })).toHaveCount(0);
  });

  await test.step('Back up now starts a backup', async () => {
    await otto.goto('/');
    await otto.getByRole('link', { name: 'Back up now' }).click();
    await expect(otto).toHaveURL('/backups');
    await field(otto, 'Repository').selectOption({ label: REPOSITORY });
    await field(otto, 'Source path 1').fill(source);
    await otto.getByRole('button', { name: 'Back up now' }).click();
    await expect(otto).toHaveURL(/\/jobs\/\d+$/);
    await expect(region(otto, 'Details')).toContainText(/Status\s*Completed/, { timeout: 60_000 });
  });

  await test.step('a restore is held to the restore roots: a directory elsewhere is refused, one inside works', async () => {
    const roots = join(String(process.env.E2E_DATA_DIR), 'restores');
    const archive = ((await (await page.request.get(`/api/repositories/${repositoryId}/archives`)).json()) as { data: { name: string }[] })
      .data[0].name;
    await otto.goto(`/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}?path=${encodeURIComponent(source)}`);
    const entries = otto.getByRole('table', { name: /^Contents of/ });
    await entries.getByRole('checkbox', { name: 'Select readme.txt' }).check({ timeout: 30_000 });
    await otto.getByRole('button', { name: 'Restore selected…' }).click();
    const dialog = otto.getByRole('dialog', { name: 'Restore 1 item' });
    await expect(dialog).toContainText(`An existing directory inside ${roots}, where operators restore`);
    const destination = dialog.getByLabel('Destination directory');
    await destination.fill(workDir);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(`An operator may restore only inside ${roots};`);
    await saveScreenshot(dialog, 'operator-restore-refused');
    await destination.fill(roots);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(otto).toHaveURL(/\/jobs\/\d+$/);
    await expect(region(otto, 'Result')).toContainText('Restore completed.', { timeout: 60_000 });
    expect(readFileSync(join(roots, 'readme.txt'), 'utf8')).toBe('The household files.\n');
  });

  await test.step('jobs and schedules can be selected for bulk actions; archives, which only an admin deletes, cannot', async () => {
    await otto.goto('/jobs');
    await expect(otto.getByRole('checkbox', { name: 'Select every job on this page' })).toBeVisible();
    await otto.goto('/schedules');
    await expect(otto.getByRole('checkbox', { name: 'Select every schedule on this page' })).toBeVisible();
    await otto.goto(`/repositories/${repositoryId}/archives`);
    await expect(otto.getByRole('link', { name: /^Compare / })).toHaveCount(1);
    await expect(otto.getByRole('main').getByRole('checkbox')).toHaveCount(0);
  });

  await test.step('the schedule form shows the hooks without an editor, and a change keeps them', async () => {
    await otto.goto(`/schedules/${scheduleId}/edit`);
    await expect(otto.getByRole('heading', { level: 1, name: `Edit ${SCHEDULE}` })).toBeVisible();
    const hooks = otto.getByRole('group', { name: 'Hooks' });
    await expect(hooks).toContainText('Only an admin may change hooks');
    await expect(hooks).toContainText(HOOK.name);
    await expect(hooks).toContainText('GREETING=hi');
    await saveScreenshot(hooks, 'operator-schedule-hooks');
    await expect(otto.getByRole('button', { name: 'Add a pre-hook' })).toHaveCount(0);
    await expect(otto.getByRole('group', { name: 'Pre-hook 1' })).toHaveCount(0);
    await field(otto, 'Name').fill(`${SCHEDULE} (changed)`);
    await otto.getByRole('button', { name: 'Save changes' }).click();
    await expect(otto).toHaveURL(`/schedules/${scheduleId}`);
    const saved = await page.request.get(`/api/schedules/${scheduleId}`);
    const { data } = (await saved.json()) as { data: { name: string; pre_hooks: { name: string; command: string[]; env: object }[] } };
    expect(data.name).toBe(`${SCHEDULE} (changed)`);
    expect(data.pre_hooks).toMatchObject([{ name: HOOK.name, command: HOOK.command, env: HOOK.env }]);
  });

  await test.step('a new schedule has no hooks editor either', async () => {
    await otto.goto('/schedules/new');
    await expect(otto.getByRole('heading', { level: 1, name: 'New schedule' })).toBeVisible();
    await expect(otto.getByRole('group', { name: 'Hooks' })).toContainText('Only an admin may add hooks');
    await expect(otto.getByRole('button', { name: 'Add a pre-hook' })).toHaveCount(0);
    await expect(otto.getByRole('button', { name: 'Add a post-hook' })).toHaveCount(0);
  });
  await otto.context().close();
});
