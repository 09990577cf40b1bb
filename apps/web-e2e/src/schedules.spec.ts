import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { archiveNames, createRepository, expect, field, region, rowNamed, test, writeArchives } from './fixtures';
import { saveScreenshot } from './screenshots';

const REPOSITORY = 'Scheduled';
const SCHEDULE = 'Documents';
const SLOW_SCHEDULE = 'Slow';
const POLICY = 'Documents: last 2';
// The browser's zone, which the form offers; the server runs in another (UTC here), so the test sees which is used.
const BROWSER_ZONE = 'Europe/Berlin';

// Archives made before the schedule's first run. keep_last 2 of documents-* keeps the run's new archive and the
// newest of these, prunes the older one, and leaves photos-* alone.
const OLD_ARCHIVES = [
  { name: 'documents-2026-11-01', day: '2026-11-01' },
  { name: 'documents-2026-11-02', day: '2026-11-02' },
  { name: 'photos-2026-11-02', day: '2026-11-02' },
];

interface ScheduleBody {
  id: number;
  enabled: boolean;
  timezone: string;
  next_run_at: string | null;
  archive_name: string;
  pre_hooks: { name: string; command: string[]; shell: boolean; env: Record<string, string> }[];
  post_hooks: { name: string; command: string[]; shell: boolean; run_on_failure: boolean; env: Record<string, string> }[];
}

interface JobBody {
  id: number;
  status: string;
  trigger: string;
  schedule_id: number | null;
  steps: { type: string; status: string; result: { kept?: { name: string; rule: string }[]; pruned?: string[] } | null }[];
}

/** The cells of a schedule's row, after its name: repository, when, enabled, next run, last run, actions. */
/** The index-th cell after the row's name (an operator's row starts with its selection checkbox). */
const cell = (page: Page, name: string, index: number) => rowNamed(page, name).locator('th[scope="row"] ~ td').nth(index);

let workDir: string;
let source: string;

test.use({ timezoneId: BROWSER_ZONE });
test.describe.configure({ timeout: 180_000 });

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-schedules-'));
  source = join(workDir, 'sources', 'documents');
  mkdirSync(join(source, 'letters'), { recursive: true });
  writeFileSync(join(source, 'notes.txt'), 'Notes\n');
  writeFileSync(join(source, 'budget.csv'), 'month,amount\n11,42\n');
  writeFileSync(join(source, 'letters', 'bank.txt'), 'Dear bank\n');
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** The repository, with archives written by the borg command line before the schedule's first run. */
async function createRepositoryWithArchives(page: Page): Promise<{ id: number; path: string }> {
  const path = join(workDir, 'repository');
  const repository = { id: await createRepository(page, REPOSITORY, path), path };
  await writeArchives(page, repository, source, OLD_ARCHIVES, join(workDir, 'borg-cli'));
  return repository;
}

async function getSchedule(page: Page, id: number): Promise<ScheduleBody> {
  const response = await page.request.get(`/api/schedules/${id}`);
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { data: ScheduleBody }).data;
}

async function scheduleIdByName(page: Page, name: string): Promise<number> {
  const response = await page.request.get('/api/schedules?limit=200');
  const schedules = ((await response.json()) as { data: { id: number; name: string }[] }).data;
  const schedule = schedules.find((candidate) => candidate.name === name);
  expect(schedule, `schedule ${name}`).toBeDefined();
  return schedule?.id ?? 0;
}

async function getJob(page: Page, id: number): Promise<JobBody> {
  const response = await page.request.get(`/api/jobs/${id}`);
  return ((await response.json()) as { data: JobBody }).data;
}

test('a schedule: made with a preset, a pruning policy and hooks, toggled, run now and followed step by step', async ({ page }) => {
  const repository = await createRepositoryWithArchives(page);
  const policy = await page.request.post('/api/pruning-policies', {
    data: { name: POLICY, keep_last: 2, glob_archives: 'documents-*' },
  });
  expect(policy.status(), await policy.text()).toBe(201);
  let scheduleId = 0;
  let previewedRun = '';
  let jobId = 0;

  await test.step('the list starts empty, with a call to action', async () => {
    await page.goto('/schedules');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedules' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No schedules yet' })).toBeVisible();
    await saveScreenshot(page, 'schedules-empty', { fullPage: true });
    await page.getByRole('link', { name: 'Create a schedule' }).click();
    await expect(page).toHaveURL('/schedules/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New schedule' })).toBeVisible();
  });

  await test.step('the archive name follows the schedule name, the zone is the browser’s', async () => {
    await expect(field(page, 'Archive name')).toHaveValue('{hostname}-{now:%Y-%m-%dT%H:%M:%S}');
    await field(page, 'Name').fill(SCHEDULE);
    await expect(field(page, 'Archive name')).toHaveValue('documents-{now:%Y-%m-%dT%H:%M:%S}');
    await expect(page.getByText('A pruning policy with the pattern documents-* prunes among these archives only.')).toBeVisible();
    await field(page, 'Repository').selectOption({ label: REPOSITORY });
    await field(page, 'Source path 1').fill(source);
    await expect(field(page, 'Time zone')).toHaveValue(BROWSER_ZONE);
  });

  await test.step('the time zone is searched in a list of IANA zones, the browser’s first', async () => {
    const zone = field(page, 'Time zone');
    const zones = page.getByRole('listbox', { name: 'Choices for time zone' });
    await zone.click();
    await expect(zone).toHaveAttribute('aria-expanded', 'true');
    await expect(zones.getByRole('option').first()).toHaveText(/^Europe\/Berlin, UTC\+0[12]:00, your browser’s zone$/);
    await expect(zones.getByRole('option').nth(1)).toHaveText('UTC, UTC+00:00');
    expect(await zones.getByRole('option').count()).toBeGreaterThan(300);
    // What is typed narrows the list; the browser's zone stays first among the matches.
    await zone.fill('europe');
    await expect(zones.getByRole('option').first()).toHaveText(/^Europe\/Berlin.*your browser’s zone$/);
    await expect(zones.getByRole('option', { name: /^Europe\/Paris/ })).toBeVisible();
    await expect(zones.getByRole('option', { name: /^America\// })).toHaveCount(0);
    await saveScreenshot(page, 'schedule-form-time-zone', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'schedule-form-time-zone-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await zone.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await expect(zones).toBeInViewport();
    await saveScreenshot(page, 'schedule-form-time-zone-narrow');
    await page.setViewportSize({ width: 1280, height: 720 });
    // A space finds an underscore; the arrow keys and Enter choose.
    await zone.fill('new york');
    await expect(zones.getByRole('option')).toHaveCount(1);
    await expect(zones.getByRole('option')).toContainText('America/New_York');
    await zone.press('ArrowDown');
    await expect(zones.getByRole('option', { name: /America\/New_York/ })).toHaveAttribute('aria-selected', 'true');
    await zone.press('Enter');
    await expect(zone).toHaveValue('America/New_York');
    await expect(zone).toHaveAttribute('aria-expanded', 'false');
    // Back to the browser's zone, which the rest of the test expects: typed and picked with the mouse.
    await zone.fill('berl');
    await zones.getByRole('option', { name: new RegExp(BROWSER_ZONE) }).click();
    await expect(zone).toHaveValue(BROWSER_ZONE);
    await expect(zones).toBeHidden();
  });

  await test.step('a cron expression the server cannot use: the preview says why, and so does the field on save', async () => {
    await field(page, 'Runs').selectOption({ label: 'Custom (cron expression)…' });
    // Custom starts from the preset it replaces.
    await expect(field(page, 'Cron expression')).toHaveValue('0 2 * * *');
    await field(page, 'Cron expression').fill('61 2 * * *');
    const preview = region(page, 'Next runs');
    await expect(preview).toContainText('This schedule cannot run: Field value (61) is out of range');
    await page.getByRole('button', { name: 'Create schedule' }).click();

    const cron = field(page, 'Cron expression');
    await expect(cron).toHaveAttribute('aria-invalid', 'true');
    await expect(cron).toBeFocused();
    await expect(cron).toHaveAccessibleDescription(/Field value \(61\) is out of range/);
    await saveScreenshot(page, 'schedule-form-errors', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'schedule-form-errors-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(cron).toHaveAccessibleDescription(/Field value \(61\) is out of range/);
    await saveScreenshot(page, 'schedule-form-errors-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    const list = await page.request.get('/api/schedules');
    expect(((await list.json()) as { meta: { total: number } }).meta.total).toBe(0);
  });

  await test.step('a preset: the preview shows the next five runs at 02:00 in the zone', async () => {
    await field(page, 'Runs').selectOption({ label: 'Every day at 02:00' });
    await expect(field(page, 'Cron expression')).toBeHidden();
    const preview = region(page, 'Next runs');
    await expect(preview).toContainText(`At 02:00, in ${BROWSER_ZONE}:`);
    const runs = preview.getByRole('listitem');
    await expect(runs).toHaveCount(5);
    for (let index = 0; index < 5; index++) await expect(runs.nth(index).locator('time')).toContainText('02:00');
    previewedRun = String(await runs.first().locator('time').getAttribute('datetime'));
    // 02:00 on Berlin's clock: 01:00 or 00:00 UTC, as the season has it.
    expect(new Date(previewedRun).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(previewedRun).toLocaleString('en-GB', { timeZone: BROWSER_ZONE, timeStyle: 'short' })).toBe('02:00');
  });

  await test.step('a pruning policy is picked from the list', async () => {
    await field(page, 'Pruning policy').selectOption({ label: POLICY });
    await expect(page.getByText('Keeps last 2 of the archives matching documents-*.')).toBeVisible();
  });

  await test.step('a pre-hook with its arguments one per line, a post-hook through the shell', async () => {
    await page.getByRole('button', { name: 'Add a pre-hook' }).click();
    const pre = page.getByRole('group', { name: 'Pre-hook 1' });
    await expect(field(pre, 'Name')).toBeFocused();
    await field(pre, 'Name').fill('Say hello');
    await expect(pre.getByRole('checkbox', { name: 'Run through the shell' })).not.toBeChecked();
    // Each line is one argument as it is: the spaces stay inside the second one.
    await field(pre, 'Program and arguments').fill('/bin/echo\npre-hook says\nhello   world');

    // A second pre-hook is put first, then removed again.
    await page.getByRole('button', { name: 'Add a pre-hook' }).click();
    await field(page.getByRole('group', { name: 'Pre-hook 2' }), 'Name').fill('Passing by');
    await page.getByRole('button', { name: 'Move up pre-hook 2' }).click();
    await expect(field(page.getByRole('group', { name: 'Pre-hook 1' }), 'Name')).toHaveValue('Passing by');
    await expect(field(page.getByRole('group', { name: 'Pre-hook 2' }), 'Name')).toHaveValue('Say hello');
    await page.getByRole('button', { name: 'Remove pre-hook 1' }).click();
    await expect(page.getByRole('group', { name: 'Pre-hook 2' })).toHaveCount(0);
    await expect(field(pre, 'Name')).toHaveValue('Say hello');
    await expect(field(pre, 'Program and arguments')).toHaveValue('/bin/echo\npre-hook says\nhello   world');

    await page.getByRole('button', { name: 'Add a post-hook' }).click();
    const post = page.getByRole('group', { name: 'Post-hook 1' });
    await field(post, 'Name').fill('Report');
    await post.getByRole('checkbox', { name: 'Run through the shell' }).check();
    await field(post, 'Shell command').fill('echo "post-hook: $BORGITORY_STATUS, $FAREWELL"');
    await post.getByRole('checkbox', { name: 'Run on failure' }).check();
    await field(post, 'Environment variables (optional)').fill('FAREWELL=bye for now');
    await saveScreenshot(page, 'schedule-form', { fullPage: true });
  });

  await test.step('a hook field the server refuses is marked in its hook', async () => {
    const post = page.getByRole('group', { name: 'Post-hook 1' });
    const env = field(post, 'Environment variables (optional)');
    await env.fill('FAREWELL=bye for now\nBORGITORY_STATUS=faked');
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await expect(env).toHaveAttribute('aria-invalid', 'true');
    await expect(env).toBeFocused();
    await expect(env).toHaveAccessibleDescription(/BORGITORY_STATUS: names starting with BORGITORY_ are set by Borgitory/);
    await expect(field(page.getByRole('group', { name: 'Pre-hook 1' }), 'Name')).not.toHaveAttribute('aria-invalid');
    await env.fill('FAREWELL=bye for now');
    await expect(env).not.toHaveAttribute('aria-invalid');
  });

  await test.step('the schedule is created and the list shows its next run as the server says it', async () => {
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await expect(page).toHaveURL('/schedules');
    scheduleId = await scheduleIdByName(page, SCHEDULE);
    const schedule = await getSchedule(page, scheduleId);
    expect(schedule).toMatchObject({
      enabled: true,
      timezone: BROWSER_ZONE,
      archive_name: 'documents-{now:%Y-%m-%dT%H:%M:%S}',
      pre_hooks: [{ name: 'Say hello', command: ['/bin/echo', 'pre-hook says', 'hello   world'], shell: false, env: {} }],
      post_hooks: [
        {
          name: 'Report',
          command: ['echo "post-hook: $BORGITORY_STATUS, $FAREWELL"'],
          shell: true,
          run_on_failure: true,
          env: { FAREWELL: 'bye for now' },
        },
      ],
    });
    expect(schedule.next_run_at).toBe(previewedRun);

    await expect(rowNamed(page, SCHEDULE).getByRole('link', { name: SCHEDULE, exact: true })).toHaveAttribute(
      'href',
      `/schedules/${scheduleId}`,
    );
    await expect(cell(page, SCHEDULE, 0)).toHaveText(REPOSITORY);
    await expect(cell(page, SCHEDULE, 1)).toContainText('At 02:00');
    await expect(cell(page, SCHEDULE, 1)).toContainText(BROWSER_ZONE);
    await expect(cell(page, SCHEDULE, 3).locator('time')).toHaveAttribute('datetime', previewedRun);
    // The next 02:00 is less than a day away.
    await expect(cell(page, SCHEDULE, 3)).toContainText(/in \d+ (hour|minute)s?|just now/);
    await expect(cell(page, SCHEDULE, 4)).toHaveText('Never');
    await saveScreenshot(page, 'schedules-list', { fullPage: true });

    // On a phone the row's actions stay in reach, pinned beside the cells that scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of [`Run ${SCHEDULE} now`, `Edit ${SCHEDULE}`, `Delete ${SCHEDULE}`]) {
      await expect(rowNamed(page, SCHEDULE).getByRole(name.startsWith('Edit') ? 'link' : 'button', { name })).toBeInViewport({ ratio: 1 });
    }
    for (const tab of ['Schedules', 'Pruning policies', 'Check policies']) {
      await expect(page.getByRole('navigation', { name: 'Schedules and policies' }).getByRole('link', { name: tab })).toBeInViewport({
        ratio: 1,
      });
    }
    await saveScreenshot(page, 'schedules-list-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('the switch turns the schedule off and on again', async () => {
    const toggle = page.getByRole('switch', { name: `Enable ${SCHEDULE}` });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect(toggle).not.toBeChecked();
    await expect(cell(page, SCHEDULE, 3)).toHaveText('—');
    await expect.poll(async () => (await getSchedule(page, scheduleId)).enabled).toBe(false);
    expect((await getSchedule(page, scheduleId)).next_run_at).toBeNull();
    await expect(toggle).not.toHaveAttribute('aria-busy');
    await saveScreenshot(page, 'schedules-list-disabled', { fullPage: true });

    await toggle.check();
    await expect(toggle).toBeChecked();
    await expect.poll(async () => (await getSchedule(page, scheduleId)).enabled).toBe(true);
    const { next_run_at: nextRun } = await getSchedule(page, scheduleId);
    expect(nextRun).toBe(previewedRun);
    await expect(cell(page, SCHEDULE, 3).locator('time')).toHaveAttribute('datetime', previewedRun);
  });

  await test.step('run now leads to the job, whose steps complete one after the other', async () => {
    await page.getByRole('button', { name: `Run ${SCHEDULE} now` }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    jobId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByRole('heading', { level: 1, name: `Backup #${jobId} · ${REPOSITORY}` })).toBeVisible();
    const details = region(page, 'Details');
    await expect(details).toContainText('Schedule Documents, by “Run now”');
    await expect(details.getByRole('link', { name: SCHEDULE })).toHaveAttribute('href', `/schedules/${scheduleId}`);

    const steps = region(page, 'Steps').getByRole('listitem');
    await expect(steps).toHaveCount(4);
    const labels = ['Pre-hook: Say hello', 'Backup', `Prune: ${POLICY}`, 'Post-hook: Report'];
    for (const [index, label] of labels.entries()) {
      await expect(steps.nth(index)).toContainText(label);
      await expect(steps.nth(index).locator('.job-status')).toHaveText('Completed', { timeout: 60_000 });
    }
    await expect(steps.nth(0)).toContainText('/bin/echo');
    await expect(steps.nth(2)).toContainText('Keeps last 2 of the archives matching documents-*.');
    await expect(steps.nth(3)).toContainText('runs on failure');
    await expect(region(page, 'Result')).toContainText('Backup completed.');
    const log = page.getByRole('log', { name: 'Job log' });
    await expect(log).toContainText('pre-hook says hello   world');
    await expect(log).toContainText('post-hook: completed, bye for now');

    const job = await getJob(page, jobId);
    expect(job).toMatchObject({ status: 'completed', trigger: 'manual', schedule_id: scheduleId });
    expect(job.steps.map((step) => `${step.type}:${step.status}`)).toEqual([
      'hook:completed',
      'backup:completed',
      'prune:completed',
      'hook:completed',
    ]);
  });

  await test.step('the prune step shows what it kept, by which rule, and what it pruned', async () => {
    const prune = region(page, 'Steps').getByRole('listitem').nth(2);
    await prune.getByText('Kept 2 archives, pruned 1').click();
    const { result } = (await getJob(page, jobId)).steps[2];
    expect(result?.pruned).toEqual(['documents-2026-11-01']);
    const kept = prune.getByRole('table', { name: 'Kept archives' }).getByRole('row');
    await expect(kept).toHaveCount(3);
    for (const [index, archive] of (result?.kept ?? []).entries()) {
      await expect(kept.nth(index + 1).getByRole('rowheader')).toHaveText(archive.name);
      await expect(kept.nth(index + 1).getByRole('cell')).toHaveText(archive.rule);
    }
    await expect(kept.nth(1).getByRole('cell')).toHaveText('secondly #1');
    await expect(kept.nth(2).getByRole('rowheader')).toHaveText('documents-2026-11-02');
    await expect(prune.getByRole('table', { name: 'Pruned archives' }).getByRole('rowheader')).toHaveText('documents-2026-11-01');
    await saveScreenshot(page, 'schedule-run-job', { fullPage: true });

    const archives = await archiveNames(page, repository.id);
    expect(archives).not.toContain('documents-2026-11-01');
    expect(archives).toContain('documents-2026-11-02');
    expect(archives).toContain('photos-2026-11-02');
    expect(archives).toHaveLength(3);
  });

  await test.step('the schedule’s page lists the run and says how the schedule is set', async () => {
    await region(page, 'Details').getByRole('link', { name: SCHEDULE }).click();
    await expect(page).toHaveURL(`/schedules/${scheduleId}`);
    await expect(page.getByRole('heading', { level: 1, name: SCHEDULE })).toBeVisible();
    const when = region(page, 'When');
    await expect(when).toContainText('At 02:00');
    await expect(when.getByRole('listitem')).toHaveCount(5);
    await expect(region(page, 'After the backup')).toContainText(`${POLICY}: keeps last 2 of the archives matching documents-*`);
    await expect(region(page, 'Pre-hooks, before the backup')).toContainText('Say hello');
    await expect(region(page, 'Post-hooks, at the end')).toContainText('runs on failure too');
    const run = region(page, 'Runs')
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `#${jobId}`, exact: true }) });
    await expect(run).toContainText('Run now');
    await expect(run).toContainText('Completed');
    await saveScreenshot(page, 'schedule-page', { fullPage: true });
  });

  await test.step('the list says the last run completed, with a link to it', async () => {
    await page.getByRole('link', { name: '← Schedules' }).click();
    await expect(page).toHaveURL('/schedules');
    const lastRun = cell(page, SCHEDULE, 4).getByRole('link');
    await expect(lastRun).toHaveText(`Completed job #${jobId}`);
    await expect(lastRun).toHaveAttribute('href', `/jobs/${jobId}`);
  });

  await test.step('run now while a run is under way is refused, with a link to that run', async () => {
    const slow = await page.request.post('/api/schedules', {
      data: {
        name: SLOW_SCHEDULE,
        repository_id: repository.id,
        source_path: source,
        cron_expression: '0 4 * * *',
        enabled: false,
        pre_hooks: [{ name: 'Wait', shell: true, command: ['sleep 60'] }],
      },
    });
    expect(slow.status(), await slow.text()).toBe(201);
    const started = await page.request.post(`/api/schedules/${((await slow.json()) as { data: { id: number } }).data.id}/run`);
    expect(started.status(), await started.text()).toBe(201);
    const running = ((await started.json()) as { data: { id: number } }).data.id;

    await expect(cell(page, SLOW_SCHEDULE, 3)).toHaveText('—');
    await page.getByRole('button', { name: `Run ${SLOW_SCHEDULE} now` }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`Schedule "${SLOW_SCHEDULE}" is already running`);
    await expect(alert.getByRole('link', { name: `Follow job #${running}` })).toHaveAttribute('href', `/jobs/${running}`);
    await expect(page).toHaveURL('/schedules');
    await saveScreenshot(page, 'schedules-run-now-conflict', { fullPage: true });

    // The run under way says which hook runs, and follows the cancel live.
    await alert.getByRole('link', { name: `Follow job #${running}` }).click();
    await expect(page).toHaveURL(`/jobs/${running}`);
    await expect(region(page, 'Progress')).toContainText('Running Pre-hook: Wait…');
    const steps = region(page, 'Steps').getByRole('listitem');
    await expect(steps.nth(0).locator('.job-status')).toHaveText('Running');
    await expect(steps.nth(1).locator('.job-status')).toHaveText('Pending');
    await saveScreenshot(page, 'schedule-run-hook-running', { fullPage: true });
    const cancelled = await page.request.post(`/api/jobs/${running}/cancel`);
    expect(((await cancelled.json()) as { data: { status: string } }).data.status).toBe('cancelled');
    await expect(region(page, 'Result')).toContainText('The job was cancelled before it finished.');
    await expect(steps.nth(0).locator('.job-status')).toHaveText('Cancelled');
    await expect(steps.nth(1).locator('.job-status')).toHaveText('Skipped');
    await page.goto('/schedules');
  });

  await test.step('the schedule is edited to another preset', async () => {
    await page.getByRole('link', { name: `Edit ${SCHEDULE}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${SCHEDULE}` })).toBeVisible();
    await expect(field(page, 'Runs')).toHaveValue('0 2 * * *');
    await expect(field(page, 'Pruning policy')).toHaveValue(String(((await policy.json()) as { data: { id: number } }).data.id));
    await expect(field(page.getByRole('group', { name: 'Pre-hook 1' }), 'Program and arguments')).toHaveValue(
      '/bin/echo\npre-hook says\nhello   world',
    );
    await field(page, 'Runs').selectOption({ label: 'Every Sunday at 03:00' });
    await expect(region(page, 'Next runs')).toContainText('At 03:00, only on Sunday');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(`/schedules/${scheduleId}`);
    await expect(region(page, 'When')).toContainText('At 03:00, only on Sunday');
    const schedule = await getSchedule(page, scheduleId);
    expect(new Date(schedule.next_run_at ?? 0).toLocaleString('en-GB', { timeZone: BROWSER_ZONE, weekday: 'long' })).toBe('Sunday');
    expect(schedule.pre_hooks).toHaveLength(1);
    expect(schedule.post_hooks).toHaveLength(1);
  });

  await test.step('the schedule is deleted after a confirmation; its run stays', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this schedule?' });
    await expect(dialog).toContainText(SCHEDULE);
    await dialog.getByRole('button', { name: 'Delete schedule' }).click();
    await expect(page).toHaveURL('/schedules');
    await expect(rowNamed(page, SCHEDULE)).toHaveCount(0);
    await expect(rowNamed(page, SLOW_SCHEDULE)).toBeVisible();
    expect((await getJob(page, jobId)).status).toBe('completed');
  });
});

test('a schedule whose timer cannot be set is switched off, and the list and its page say why', async ({ page }) => {
  const repositoryId = await createRepository(page, REPOSITORY, join(workDir, 'repository-never-fires'));
  const created = await page.request.post('/api/schedules', {
    data: { name: 'Leap', repository_id: repositoryId, source_path: source, cron_expression: '0 0 1 2 *', timezone: 'UTC' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { data: { id: number } }).data;

  // An older version, or a hand edit, left an expression that never fires (the API refuses it with 422 today).
  const db = new Database(join(String(process.env.E2E_DATA_DIR), 'borgitory.db'));
  db.pragma('busy_timeout = 5000');
  db.prepare('UPDATE schedules SET cron_expression = ? WHERE id = ?').run('0 0 30 2 *', id);
  db.close();

  await page.goto('/schedules');
  await expect(page.getByRole('switch', { name: 'Enable Leap' })).not.toBeChecked();
  await expect(cell(page, 'Leap', 1).getByRole('note')).toHaveText(
    'The cron expression "0 0 30 2 *" cannot be used (never fires: 30 February does not exist)',
  );
  await expect(cell(page, 'Leap', 3)).toHaveText('—');
  await expect(cell(page, 'Leap', 0)).toHaveText(REPOSITORY);
  await saveScreenshot(page, 'schedules-list-never-fires', { fullPage: true });

  await rowNamed(page, 'Leap').getByRole('link', { name: 'Leap', exact: true }).click();
  const warning = page.getByRole('note', { name: 'Switched off by Borgitory' });
  await expect(warning).toContainText('never fires: 30 February does not exist');
  await expect(warning).toContainText('Edit the schedule with a cron expression that runs');
  // A click, not check(): the server refuses, so the switch may spring back before check() could see it move.
  await page.getByRole('switch', { name: 'Enable Leap' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Schedule "Leap" cannot be switched on until its cron expression is changed (never fires: 30 February does not exist)',
  );
  await expect(page.getByRole('switch', { name: 'Enable Leap' })).not.toBeChecked();
  await saveScreenshot(page, 'schedule-page-never-fires', { fullPage: true });
});
