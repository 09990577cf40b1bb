import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSftpServer, type TestSftpServer } from '@borgitory/rclone-runner/testing';
import { createRepository, expect, field, region, test, writeArchives } from './fixtures';
import { saveScreenshot } from './screenshots';

const CONFIG = 'Offsite SFTP';
const REPOSITORY = 'Documents';
const SCHEDULE = 'Nightly documents';
const PREFIX = 'borgitory';
// With 6 MiB of random data in the repository, a limit of 1 MiB/s keeps the sync running for a few seconds to watch.
const BANDWIDTH_LIMIT = '1M';

let workDir: string;
let source: string;
let sftp: TestSftpServer;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-cloud-sync-'));
  source = join(workDir, 'sources', 'documents');
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, 'notes.txt'), 'Notes\n');
  writeFileSync(join(source, 'scan.bin'), randomBytes(6 * 1024 * 1024));
  sftp = await startSftpServer();
});

test.afterAll(async () => {
  await sftp?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** The SHA256 fingerprint of a public key line, as `ssh-keygen -lf` prints it. */
function fingerprintOf(keyLine: string): string {
  const blob = Buffer.from(keyLine.split(' ')[1], 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

test('an SFTP configuration from the generated form: tested, a repository synced and verified, used by a schedule', async ({ page }) => {
  const repositoryPath = join(workDir, 'repository');
  const repository = { id: await createRepository(page, REPOSITORY, repositoryPath), path: repositoryPath };
  await writeArchives(page, repository, source, [{ name: 'documents-2026-11-01', day: '2026-11-01' }], join(workDir, 'borg-cli'));
  const card = region(page, CONFIG);
  let jobId = 0;

  await test.step('the page starts empty, with a call to action', async () => {
    await page.goto('/cloud-sync');
    await expect(page.getByRole('heading', { level: 1, name: 'Cloud Sync' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No cloud sync configurations yet' })).toBeVisible();
    await saveScreenshot(page, 'cloud-sync-empty');
    await page.getByRole('link', { name: 'Create a cloud sync configuration' }).click();
    await expect(page).toHaveURL('/cloud-sync/new');
  });

  await test.step('S3: the form is drawn from the provider’s fields, and a preset fills them in', async () => {
    await page.getByRole('radio', { name: 'Amazon S3 or S3-compatible' }).check();
    await expect(field(page, 'Service')).toHaveValue('AWS');
    await expect(field(page, 'Secret access key')).toHaveAttribute('type', 'password');
    await expect(field(page, 'Path-style addressing')).not.toBeChecked();
    await field(page, 'Preset').selectOption({ label: 'Backblaze B2' });
    await expect(field(page, 'Service')).toHaveValue('Other');
    await expect(field(page, 'Endpoint (optional)')).toHaveValue('https://s3.us-west-004.backblazeb2.com');
    await expect(field(page, 'Preset')).toHaveAccessibleDescription(/S3 endpoint from the Backblaze console/);
    await field(page, 'Preset').selectOption({ label: 'MinIO' });
    await expect(field(page, 'Service')).toHaveValue('Minio');
    await expect(field(page, 'Path-style addressing')).toBeChecked();
    await field(page, 'Name').fill('Backblaze');
    await field(page, 'Bucket').fill('borg-offsite');
    await saveScreenshot(page, 'cloud-sync-form-s3', { fullPage: true });
  });

  await test.step('SFTP: the server’s messages appear at the fields they are about', async () => {
    await page.getByRole('radio', { name: 'SFTP (SSH server)' }).check();
    await expect(field(page, 'Port')).toHaveValue('22');
    await field(page, 'Name').fill(CONFIG);
    await field(page, 'Host').fill('127.0.0.1');
    await field(page, 'Port').fill(String(sftp.port));
    await field(page, 'User').fill(sftp.user);
    await page.getByRole('button', { name: 'Create configuration' }).click();

    const password = field(page, 'Password (optional)');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toBeFocused();
    await expect(password).toHaveAccessibleDescription(/Give a password or a private key/);
    await saveScreenshot(page, 'cloud-sync-form-errors', { fullPage: true });
  });

  await test.step('created with a password, a folder and a bandwidth limit, in copy mode', async () => {
    await field(page, 'Password (optional)').fill(sftp.password);
    await field(page, 'Folder (optional)').fill(PREFIX);
    await expect(page.getByRole('radio', { name: 'Copy (recommended)' })).toBeChecked();
    await field(page, 'Bandwidth limit (optional)').fill(BANDWIDTH_LIMIT);
    await page.getByRole('button', { name: 'Create configuration' }).click();

    await expect(page).toHaveURL('/cloud-sync');
    await expect(card).toContainText('SFTP (SSH server)');
    await expect(card).toContainText(`Copies to${sftp.user}@127.0.0.1:${PREFIX} (port ${sftp.port})`);
    await expect(card).toContainText('ModeCopy: never deletes there');
    await expect(card).toContainText(`Bandwidth limit${BANDWIDTH_LIMIT}/s`);
    await expect(card).toContainText('Last syncNever');
  });

  await test.step('the connection test succeeds, and shows the host key it stored', async () => {
    await card.getByRole('button', { name: 'Test connection' }).click();
    const result = card.getByRole('status', { name: 'Connection test' });
    await expect(result).toContainText('Connection OK', { timeout: 30_000 });
    for (const step of ['Write: OK', 'Read back: OK', 'Delete: OK', 'List: OK']) await expect(result).toContainText(step);

    const hostKey = card.getByRole('region', { name: /Host key stored/ });
    await expect(hostKey).toContainText(sftp.hostPublicKey.split(' ').slice(0, 2).join(' '));
    await expect(hostKey).toContainText(fingerprintOf(sftp.hostPublicKey));
    await saveScreenshot(page, 'cloud-sync-test-result', { fullPage: true });
  });

  await test.step('sync now: the job page shows the copy’s progress until it completes', async () => {
    await card.getByRole('button', { name: 'Sync now…' }).click();
    const dialog = page.getByRole('dialog', { name: `Sync to ${CONFIG} now?` });
    await expect(dialog.getByRole('button', { name: 'Start sync' })).toBeDisabled();
    await field(dialog, 'Repository').selectOption({ label: REPOSITORY });
    await saveScreenshot(page, 'cloud-sync-sync-dialog');
    await dialog.getByRole('button', { name: 'Start sync' }).click();

    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    jobId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByRole('heading', { level: 1, name: `Cloud sync #${jobId}` })).toBeVisible();
    const progress = region(page, 'Progress');
    await expect(progress.getByText(/^\d+ %$/)).toBeVisible({ timeout: 30_000 });
    await expect(progress).toContainText(/of \d+ files/);
    await expect(progress).toContainText(/Copied\s*[\d.]+ (B|kB|MB) of 6\.\d MB/);
    await expect(progress).toContainText(/Rate\s*[\d.]+ (B|kB|MB)\/s/);
    await saveScreenshot(page, 'cloud-sync-job-progress', { fullPage: true });

    await expect(region(page, 'Details')).toContainText(/Status\s*Completed/, { timeout: 90_000 });
    await expect(region(page, 'Result')).toContainText('Cloud sync completed.');
    await expect(region(page, 'Result')).toContainText(/Transferred\s*\d+ files, \d+\.\d MB/);
    await expect(region(page, 'Parameters')).toContainText(`Configuration${CONFIG}`);
    await saveScreenshot(page, 'cloud-sync-job-result', { fullPage: true });
    expect(existsSync(join(sftp.dir, PREFIX, 'documents', 'config'))).toBe(true);
  });

  await test.step('the list shows the last sync, with a link to its job', async () => {
    await page.goto('/cloud-sync');
    const lastSync = card.getByRole('link', { name: `Completed job #${jobId}` });
    await expect(lastSync).toHaveAttribute('href', `/jobs/${jobId}`);
    await saveScreenshot(page, 'cloud-sync-list', { fullPage: true });
  });

  await test.step('verify: the copy matches the repository', async () => {
    await card.getByRole('button', { name: 'Verify…' }).click();
    const dialog = page.getByRole('dialog', { name: `Verify the copy at ${CONFIG}?` });
    await field(dialog, 'Repository').selectOption({ label: REPOSITORY });
    await dialog.getByRole('button', { name: 'Verify' }).click();
    const result = card.getByRole('status', { name: 'Verify' });
    await expect(result).toContainText(`The copy of ${REPOSITORY} matches`, { timeout: 60_000 });
    await expect(result).toContainText('Files only there are expected in copy mode and not counted.');
    await saveScreenshot(page, 'cloud-sync-verify');
  });

  await test.step('edit: the stored password is kept when left empty, and so is the host key', async () => {
    await card.getByRole('link', { name: `Edit ${CONFIG}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${CONFIG}` })).toBeVisible();
    await expect(field(page, 'Password (optional)')).toHaveValue('');
    await expect(field(page, 'Password (optional)')).toHaveAccessibleDescription(/Set — leave it empty to keep it/);
    await expect(field(page, 'Remove the stored password')).not.toBeChecked();
    await expect(field(page, 'Host key (optional)')).toHaveValue(sftp.hostPublicKey.split(' ').slice(0, 2).join(' '));
    await saveScreenshot(page, 'cloud-sync-edit', { fullPage: true });
    await page.getByRole('button', { name: 'Save changes' }).click();

    await expect(page).toHaveURL('/cloud-sync');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByRole('status', { name: 'Connection test' })).toContainText('Connection OK', { timeout: 30_000 });
    await expect(card.getByRole('region', { name: /Host key stored/ })).toBeHidden();
  });

  await test.step('a refused login: the test says which step failed and why', async () => {
    const hostKey = sftp.hostPublicKey.split(' ').slice(0, 2).join(' ');
    const created = await page.request.post('/api/cloud-sync/configs', {
      data: {
        name: 'Wrong password',
        provider: 'sftp',
        provider_config: { host: '127.0.0.1', port: sftp.port, user: sftp.user, password: 'not it', host_key: hostKey },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    await page.reload();
    const wrong = region(page, 'Wrong password');
    await wrong.getByRole('button', { name: 'Test connection' }).click();
    const result = wrong.getByRole('alert', { name: 'Connection test' });
    await expect(result).toContainText('Connection failed', { timeout: 60_000 });
    await expect(result).toContainText('Write: failed');
    await expect(result).toContainText('Error code: RCLONE_ERROR');
    await wrong.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'cloud-sync-test-failed');
  });

  await test.step('a schedule can end with the sync, and the configuration cannot be deleted while it does', async () => {
    await page.goto('/schedules/new');
    await field(page, 'Name').fill(SCHEDULE);
    await field(page, 'Repository').selectOption({ label: REPOSITORY });
    await field(page, 'Source path 1').fill(source);
    await field(page, 'Cloud sync').selectOption({ label: CONFIG });
    await expect(field(page, 'Cloud sync')).toHaveAccessibleDescription(/Then copies the repository off-site/);
    await page.getByRole('button', { name: 'Create schedule' }).click();
    await page.getByRole('link', { name: SCHEDULE, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: SCHEDULE })).toBeVisible();
    await expect(region(page, 'After the backup')).toContainText(`Cloud sync${CONFIG}`);

    await page.goto('/cloud-sync');
    await card.getByRole('button', { name: `Delete ${CONFIG}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this cloud sync configuration?' });
    await dialog.getByRole('button', { name: 'Delete configuration' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`is used by schedule "${SCHEDULE}"`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('deleted once no schedule uses it', async () => {
    const schedules = await page.request.get('/api/schedules');
    for (const schedule of ((await schedules.json()) as { data: { id: number }[] }).data) {
      await page.request.delete(`/api/schedules/${schedule.id}`);
    }
    await card.getByRole('button', { name: `Delete ${CONFIG}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this cloud sync configuration?' });
    await dialog.getByRole('button', { name: 'Delete configuration' }).click();
    await expect(card).toBeHidden();
    await expect(region(page, 'Wrong password')).toBeVisible();
    // The copies stay where they are.
    expect(existsSync(join(sftp.dir, PREFIX, 'documents', 'config'))).toBe(true);
  });
});
