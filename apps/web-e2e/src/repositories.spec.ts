import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { field } from './fixtures';
import { saveScreenshot } from './screenshots';
import { logIn } from './session';

const PASSPHRASE = 'a long repository passphrase';

// The server runs as the same user on this machine, so it can keep repositories here.
let reposDir: string;

test.beforeAll(() => {
  reposDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-repos-'));
});

test.afterAll(() => {
  rmSync(reposDir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  await logIn(page);
});

test('create a repository, test it, export its key and remove it while keeping the data', async ({ page }) => {
  const name = 'Laptop backups';
  const renamed = 'Laptop (home)';
  const path = join(reposDir, 'laptop');

  await test.step('the list starts empty, with a call to action', async () => {
    await page.goto('/repositories');
    await expect(page.getByRole('heading', { level: 1, name: 'Repositories' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No repositories yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add your first repository' })).toBeVisible();
    await saveScreenshot(page, 'repositories-empty');
  });

  await test.step('the form creates a repository and opens its page', async () => {
    await page.getByRole('link', { name: 'New repository' }).click();
    await expect(page).toHaveURL('/repositories/new');
    await expect(page.getByRole('radio', { name: 'Create a new repository' })).toBeChecked();
    await field(page, 'Name').fill(name);
    await field(page, 'Location').fill(path);
    await expect(field(page, 'Encryption')).toHaveValue('repokey-blake2');
    await field(page, 'Passphrase').fill(PASSPHRASE);
    await field(page, 'Confirm passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create repository' }).click();

    // borg init takes a few seconds; meanwhile the form is busy.
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/repositories\/\d+$/);
    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(summary).toContainText(/Encryption\s*repokey-blake2/);
    await expect(summary).toContainText(/Archives\s*0/);
    await expect(page.getByText(path, { exact: true })).toBeVisible();
  });

  await test.step('Test connection shows that borg can open it', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Connection OK' });
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result).toContainText('Borgitory opened the repository (repokey-blake2): 0 archives');
    await saveScreenshot(page, 'repository-details-tested', { fullPage: true });
  });

  await test.step('Refresh info shows what borg info says', async () => {
    await page.getByRole('button', { name: 'Refresh info' }).click();
    const info = page.getByRole('region', { name: 'borg info' });
    await expect(info).toBeVisible({ timeout: 30_000 });
    await expect(info).toContainText(/Repository ID\s*[0-9a-f]{64}/);
    await expect(info).toContainText(/Chunks\s*\d+ unique of \d+/);
  });

  await test.step('the details in a dark colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'repository-details-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('the list shows the repository', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Repositories' }).click();
    await expect(page).toHaveURL('/repositories');
    const row = page.getByRole('row', { name });
    await expect(row).toBeVisible();
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(path);
    await expect(cells.nth(1)).toHaveText('repokey-blake2');
    await expect(cells.nth(2)).toHaveText('0');
    await expect(cells.nth(3)).toHaveText(/^\d+(\.\d)? (B|kB|MB)$/);
    await expect(cells.nth(4)).toHaveText('never');
    await saveScreenshot(page, 'repositories-list');
  });

  await test.step('Edit renames it', async () => {
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
    await expect(field(page, 'Location')).toHaveValue(path);
    await field(page, 'Name').fill(renamed);
    await saveScreenshot(page, 'repository-edit', { fullPage: true });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
    await expect(page).toHaveURL(/\/repositories\/\d+$/);
  });

  await test.step('Export key downloads the key file', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export key' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.key$/);
    expect(readFileSync(await file.path(), 'utf8')).toMatch(/^BORG_KEY /);
  });

  await test.step('the delete dialog says which will happen', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const deleteData = dialog.getByRole('checkbox', { name: 'Also delete the repository and all its archives from disk' });
    await expect(deleteData).not.toBeChecked();
    await expect(dialog).toContainText('The repository and its archives stay at');
    await expect(dialog.getByRole('button', { name: 'Remove from Borgitory (data is kept)' })).toBeEnabled();
    await saveScreenshot(page, 'repository-delete-dialog');

    // Deleting the data must be chosen, and confirmed with the repository's name.
    await deleteData.check();
    const destroy = dialog.getByRole('button', { name: 'Delete repository and all archives' });
    await expect(destroy).toBeDisabled();
    await dialog.getByLabel(/Type the repository name/).fill(renamed);
    await expect(destroy).toBeEnabled();
    await saveScreenshot(page, 'repository-delete-data-dialog');
    await deleteData.uncheck();
    await expect(dialog.getByRole('button', { name: 'Delete repository and all archives' })).toBeHidden();
  });

  await test.step('removing it keeps the data on disk', async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Remove from Borgitory (data is kept)' }).click();
    await expect(page).toHaveURL('/repositories');
    await expect(page.getByRole('heading', { name: 'No repositories yet' })).toBeVisible();
    await expect(page.getByRole('row', { name: renamed })).toHaveCount(0);
    expect(existsSync(join(path, 'config'))).toBe(true);
  });
});

test("the form shows the server's messages where they belong", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/repositories/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New repository' })).toBeVisible();

  await test.step('the passphrases must match', async () => {
    await field(page, 'Name').fill('Relative');
    await field(page, 'Location').fill('backups/relative');
    await field(page, 'Passphrase').fill(PASSPHRASE);
    await field(page, 'Confirm passphrase').fill(`${PASSPHRASE}!`);
    await page.getByRole('button', { name: 'Create repository' }).click();
    await expect(field(page, 'Confirm passphrase')).toHaveAccessibleDescription('The passphrases do not match');
    await expect(field(page, 'Confirm passphrase')).toBeFocused();
  });

  await test.step('a relative path is refused under the Location field', async () => {
    await field(page, 'Confirm passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create repository' }).click();
    const location = field(page, 'Location');
    await expect(location).toHaveAttribute('aria-invalid', 'true');
    await expect(location).toHaveAccessibleDescription(/Must be an absolute path, ssh:\/\/user@host:port\/path or user@host:path/);
    await expect(location).toBeFocused();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  await test.step('no encryption warns and asks for no passphrase', async () => {
    await field(page, 'Encryption').selectOption('none');
    await expect(page.getByText('Anyone with access to the repository files can read the backups')).toBeVisible();
    await expect(field(page, 'Passphrase')).toBeHidden();
    await field(page, 'Encryption').selectOption('repokey-blake2');
    await expect(field(page, 'Passphrase')).toBeVisible();
  });

  await test.step('an ssh location shows the ssh settings with the public key', async () => {
    await expect(page.getByRole('group', { name: 'SSH' })).toBeHidden();
    // Before any location is typed, the key is one click away, with its Copy button.
    await page.getByText('Backing up to another machine over ssh? Borgitory’s public key').click();
    const early = page.getByLabel('Borgitory’s public key');
    await expect(early).toHaveValue(/^ssh-ed25519 \S+/);
    await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await saveScreenshot(page, 'repository-form-public-key', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'repository-form-public-key-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(early).toBeVisible();
    await saveScreenshot(page, 'repository-form-public-key-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await field(page, 'Location').fill('ssh://borg@backup.example.com:2222/./laptop');
    await expect(page.getByText('Backing up to another machine over ssh?')).toBeHidden();
    const ssh = page.getByRole('group', { name: 'SSH' });
    await expect(ssh).toBeVisible();
    const publicKey = ssh.getByLabel('Borgitory’s public key');
    await expect(publicKey).toHaveValue(/^ssh-ed25519 \S+/);
    await expect(publicKey).toHaveAttribute('readonly', '');
    await expect(ssh).toContainText(/Fingerprint: SHA256:\S+/);
    await expect(ssh.getByLabel('Use a different private key')).toHaveValue('');
    await expect(ssh.getByLabel('Host key policy')).toHaveValue('accept-new');
    await ssh.getByRole('button', { name: 'Copy the public key' }).click();
    await expect(ssh.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await publicKey.inputValue());
    await saveScreenshot(page, 'repository-form-ssh', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'repository-form-ssh-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    // On a phone the key and its Copy button fit the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(ssh.getByRole('button', { name: 'Copy' })).toBeVisible();
    // Inside the SSH box, not only inside the screen.
    const box = await ssh.boundingBox();
    const copy = await ssh.getByRole('button', { name: 'Copy' }).boundingBox();
    expect(box && copy && copy.x + copy.width).toBeLessThanOrEqual(box ? box.x + box.width : 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await saveScreenshot(page, 'repository-form-ssh-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('importing a directory that holds no repository is refused in the alert', async () => {
    const empty = join(reposDir, 'not-a-repository');
    mkdirSync(empty);
    await page.getByRole('radio', { name: 'Import an existing repository' }).check();
    await expect(field(page, 'Encryption')).toBeHidden();
    await expect(field(page, 'Confirm passphrase')).toBeHidden();
    await expect(field(page, 'Key file (optional)')).toBeVisible();
    await field(page, 'Location').fill(empty);
    await expect(page.getByRole('group', { name: 'SSH' })).toBeHidden();
    await page.getByRole('button', { name: 'Import repository' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`There is no borg repository at ${empty}`, { timeout: 30_000 });
    await expect(alert).toBeFocused();
    await expect(field(page, 'Location')).not.toHaveAttribute('aria-invalid');
    await saveScreenshot(page, 'repository-form-import-error', { fullPage: true });
  });
});

test('an unknown repository shows a not-found message', async ({ page }) => {
  await page.goto('/repositories/999999');
  await expect(page.getByRole('heading', { level: 1, name: 'Repository not found' })).toBeVisible();
  await page.getByRole('link', { name: 'list of repositories' }).click();
  await expect(page).toHaveURL('/repositories');
});
