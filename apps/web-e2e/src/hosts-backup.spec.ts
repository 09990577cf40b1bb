import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostSshd, type TestHost } from '@borgitory/ssh-runner/testing';
import type { Locator, Page } from '@playwright/test';
import { createRepository, expect, field, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';

// A second "machine": a throwaway sshd on 127.0.0.1 with a fresh user, whose files Borgitory backs up in pull mode.
let host: TestHost;
let workDir: string;

const HOST_NAME = 'Workstation';
const REPOSITORY = 'Workstation backups';
const SCHEDULE = 'Workstation documents';
const LETTERS = ['letter-1.txt', 'letter-2.txt', 'letter-3.txt'];

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  host = await startHostSshd();
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-hosts-backup-'));
  // The files to back up, written by the host's user in its home.
  const script = [
    'mkdir -p "$HOME/documents/old" "$HOME/restored"',
    ...LETTERS.map((name, i) => `printf 'Letter %s\\n' ${i + 1} > "$HOME/documents/${name}"`),
    `printf 'kept\\n' > "$HOME/documents/old/notes.txt"`,
  ].join(' && ');
  await host.runAs(['env', `HOME=${host.home}`, 'sh', '-c', script]);
});

test.afterAll(async () => {
  await host?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The page as it is, in the light and dark colour schemes and 390 px wide. */
async function screenshots(page: Page, name: string, fullPage = true) {
  await saveScreenshot(page, name, { fullPage });
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, `${name}-dark`, { fullPage });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-narrow`, { fullPage });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const entries = (page: Page) => page.getByRole('table', { name: /^Contents of / });

/** In a picker showing `from`, open each directory below it on the way to `to`. */
async function browseDown(dialog: Locator, from: string, to: string) {
  let current = from;
  for (const segment of to.slice(from.length).split('/').filter(Boolean)) {
    await dialog.getByRole('button', { name: segment, exact: true }).click();
    current += `/${segment}`;
    await expect(dialog.getByText(current, { exact: true })).toBeVisible();
  }
}

test('an admin backs up a folder of a host, finds its files in the archive and restores one onto the host', async ({ page }) => {
  const address = `ssh://${host.user}@127.0.0.1:${host.port}`;
  const documents = `${host.home}/documents`;
  let hostId = 0;

  await test.step("the host is added, and Borgitory's key installed with the shown command", async () => {
    await page.goto('/hosts/new');
    const steps = region(page, 'Let Borgitory log in');
    const command = await steps.locator('pre code').nth(1).textContent();
    expect(command).toContain('restrict,port-forwarding ssh-ed25519 ');
    await host.runAs(['env', `HOME=${host.home}`, 'sh', '-c', command ?? '']);
    await field(page, 'Name').fill(HOST_NAME);
    await field(page, 'Address').fill(address);
    await page.getByRole('button', { name: 'Save host' }).click();
    await expect(page).toHaveURL('/hosts');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: HOST_NAME, exact: true }) });
    await expect(row.getByRole('cell').nth(2)).toHaveText('Not tested yetTest');
  });

  await test.step('Test connection says OK, with the user, borg and socat, and the list shows it', async () => {
    await page.getByRole('link', { name: `Edit ${HOST_NAME}` }).click();
    hostId = Number(new URL(page.url()).pathname.split('/').pop());
    const connection = region(page, 'Connection');
    await expect(connection).toContainText('Not tested yet.');
    await connection.getByRole('button', { name: 'Test connection' }).click();
    const result = connection.locator('.host-test');
    await expect(result).toContainText('OK: Borgitory can back up this host.', { timeout: 30_000 });
    await expect(result).toContainText(new RegExp(`Logged in as\\s*${host.user} \\(home ${host.home}\\)`));
    await expect(result).toContainText(/borg\s*1\.\d+\.\d+/);
    await expect(result).toContainText(/socat\s*1\.\d+/);
    await expect(result).toContainText(/Free space in the home\s*[\d.]+ [kMGT]?B/);
    await screenshots(page, 'host-test-ok');

    await page.getByRole('link', { name: '← Hosts' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: HOST_NAME, exact: true }) });
    await expect(row.getByRole('cell').nth(2)).toContainText(/^OK/);
  });

  await test.step("a wrong password in the install form is refused at the field, in the server's words", async () => {
    const refused = await page.request.post(`/api/hosts/${hostId}/install-key`, { data: { password: 'not the password' } });
    expect(refused.status(), await refused.text()).toBe(422);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('SSH_AUTHENTICATION_FAILED');

    await page.goto(`/hosts/${hostId}`);
    const password = field(page, `Password of ${host.user}`);
    await expect(password).toHaveAttribute('type', 'password');
    await expect(password).toHaveAttribute('autocomplete', 'off');
    await password.fill('not the password');
    await page.getByRole('button', { name: 'Install the key' }).click();
    // Emptied as soon as it is sent.
    await expect(password).toHaveValue('');
    await expect(password).toHaveAttribute('aria-invalid', 'true', { timeout: 30_000 });
    await expect(password).toHaveAccessibleDescription(error.message);
    expect(page.url()).not.toContain('not');
    await saveScreenshot(page, 'host-install-key-refused', { fullPage: true });
  });

  await test.step('the right password installs the key again and shows the test', async () => {
    const password = field(page, `Password of ${host.user}`);
    await password.fill(host.password);
    await page.getByRole('button', { name: 'Install the key' }).click();
    await expect(password).toHaveValue('');
    await expect(region(page, 'Connection').locator('.host-test')).toContainText('OK: Borgitory can back up this host.', {
      timeout: 30_000,
    });
    await expect(password).not.toHaveAttribute('aria-invalid');
  });

  const repositoryId = await createRepository(page, REPOSITORY, join(workDir, 'repository'));
  let archive = '';
  let backupJob = 0;

  await test.step('on the Backups page the host is chosen and its folder picked in the picker', async () => {
    await page.goto('/backups');
    const from = field(page, 'Back up from');
    await expect(from).toHaveValue('');
    await from.selectOption({ label: HOST_NAME });
    await field(page, 'Repository').selectOption({ label: REPOSITORY });
    await expect(page.getByRole('group', { name: 'Source paths' })).toHaveAccessibleDescription(
      `Absolute paths of directories or files on ${HOST_NAME}. Type them, or browse ${HOST_NAME} to choose.`,
    );
    await page.getByRole('button', { name: 'Browse… for source path 1' }).click();
    const dialog = page.getByRole('dialog', { name: `Choose what to back up on ${HOST_NAME}`, exact: true });
    // It opens at the home of the user Borgitory logs in as, on the host.
    await expect(dialog.getByText(host.home, { exact: true })).toBeVisible({ timeout: 30_000 });
    await browseDown(dialog, host.home, documents);
    for (const name of LETTERS) await expect(dialog.getByRole('button', { name: `Choose ${name}` })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'old', exact: true })).toBeVisible();
    await screenshots(page, 'backup-host-picker', false);
    await dialog.getByRole('button', { name: 'Choose this directory' }).click();
    await expect(dialog).toBeHidden();
    await expect(field(page, 'Source path 1')).toHaveValue(documents);
    await screenshots(page, 'backup-host-form');
  });

  await test.step('the backup runs on the host and its job completes', async () => {
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    backupJob = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Backup #\\d+ · ${REPOSITORY}$`) })).toBeVisible();
    await expect(region(page, 'Details')).toContainText(/Status\s*Completed/, { timeout: 90_000 });
    const result = region(page, 'Result');
    await expect(result).toContainText('Backup completed.');
    await expect(result).toContainText(new RegExp(`Files\\s*${LETTERS.length + 1}(?!\\d)`));
    archive = (await result.locator('dt:text-is("Archive") + dd').innerText()).trim();
    expect(archive).not.toBe('');
  });

  await test.step('the dashboard shows the host reachable, with its backup', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
    const item = region(page, 'Hosts').getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('link', { name: HOST_NAME, exact: true })).toHaveAttribute('href', `/hosts/${hostId}`);
    await expect(item).toContainText(/Reachable\s*tested/);
    await expect(item).toContainText(/Last backup\s*Completed/);
    await expect(item.getByRole('link', { name: `Backup #${backupJob}` })).toHaveAttribute('href', `/jobs/${backupJob}`);
    await screenshots(page, 'dashboard-host-backed-up');
  });

  await test.step("the archive holds the host's folder and its files", async () => {
    await page.goto(`/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}`);
    for (const segment of documents.split('/').filter(Boolean)) {
      await entries(page).getByRole('link', { name: segment, exact: true }).click();
    }
    for (const name of LETTERS) await expect(entries(page).getByText(name, { exact: true })).toBeVisible();
    await expect(entries(page).getByRole('link', { name: 'old', exact: true })).toBeVisible();
  });

  await test.step('a file of the archive is restored onto the host, into a folder picked there', async () => {
    await entries(page)
      .getByRole('checkbox', { name: `Select ${LETTERS[0]}` })
      .check();
    await page.getByRole('button', { name: 'Restore selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore 1 item' });
    await field(dialog, 'Restore to').selectOption({ label: HOST_NAME });
    await dialog.getByRole('button', { name: 'Browse… for the destination directory' }).click();
    const picker = page.getByRole('dialog', { name: `Choose where to restore on ${HOST_NAME}`, exact: true });
    await expect(picker.getByText(host.home, { exact: true })).toBeVisible({ timeout: 30_000 });
    await browseDown(picker, host.home, `${host.home}/restored`);
    await picker.getByRole('button', { name: 'Choose this directory' }).click();
    await expect(field(dialog, 'Destination directory')).toHaveValue(`${host.home}/restored`);
    await saveScreenshot(page, 'archive-restore-host');
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    await expect(region(page, 'Result')).toContainText('Restore completed.', { timeout: 60_000 });
    expect(readFileSync(join(host.home, 'restored', LETTERS[0]), 'utf8')).toBe('Letter 1\n');
  });

  await test.step("a schedule backs up the host's folder: the list names the host, and its run completes there", async () => {
    await page.goto('/schedules/new');
    await field(page, 'Name').fill(SCHEDULE);
    const from = field(page, 'Back up from');
    await expect(from).toHaveValue('');
    await from.selectOption({ label: HOST_NAME });
    await field(page, 'Repository').selectOption({ label: REPOSITORY });
    await page.getByRole('button', { name: 'Browse… for source path 1' }).click();
    const dialog = page.getByRole('dialog', { name: `Choose what to back up on ${HOST_NAME}`, exact: true });
    await expect(dialog.getByText(host.home, { exact: true })).toBeVisible({ timeout: 30_000 });
    await browseDown(dialog, host.home, documents);
    await dialog.getByRole('button', { name: 'Choose this directory' }).click();
    await expect(field(page, 'Source path 1')).toHaveValue(documents);
    await saveScreenshot(page, 'schedule-host-form', { fullPage: true });
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await expect(page).toHaveURL('/schedules');

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SCHEDULE, exact: true }) });
    await expect(row).toContainText(`${REPOSITORY}from ${HOST_NAME}`);
    await row.getByRole('button', { name: `Run ${SCHEDULE} now` }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    await expect(region(page, 'Details')).toContainText(/Status\s*Completed/, { timeout: 90_000 });
    await expect(region(page, 'Result')).toContainText(new RegExp(`Files\\s*${LETTERS.length + 1}(?!\\d)`));
  });
});
