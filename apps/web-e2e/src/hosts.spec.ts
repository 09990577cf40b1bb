import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@borgitory/borg-runner/testing';
import { startHostSshd, type TestHost } from '@borgitory/ssh-runner/testing';
import type { Browser, Page } from '@playwright/test';
import { expect, field, region, rowNamed, test } from './fixtures';
import { saveScreenshot } from './screenshots';
import { signedIn } from './session';

// A second "machine": a throwaway sshd on 127.0.0.1 with its own host key and a fresh user (the tests run as root).
let host: TestHost;

const VIEWER = { username: 'vera', password: 'granite kettle whistles softly', role: 'viewer' };
const OPERATOR = { username: 'oscar', password: 'copper meadow answers slowly', role: 'operator' };
const MADE = [VIEWER.username, OPERATOR.username];

test.beforeAll(async () => {
  host = await startHostSshd();
});

test.afterAll(async () => {
  await host?.stop();
});

test.afterEach(async ({ page }) => {
  const list = await page.request.get('/api/users?limit=200');
  for (const user of ((await list.json()) as { data: { id: number; username: string }[] }).data) {
    if (MADE.includes(user.username)) expect((await page.request.delete(`/api/users/${user.id}`)).status()).toBe(204);
  }
});

/** The page as it is, in the light and dark colour schemes and 390 px wide. */
async function screenshots(page: Page, name: string) {
  await saveScreenshot(page, name, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, `${name}-dark`, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, `${name}-narrow`, { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The SHA256 fingerprint of a public key line, as ssh-keygen prints it. */
function fingerprintOf(publicKey: string): string {
  return execFileSync('ssh-keygen', ['-lf', '-'], { input: `${publicKey}\n` })
    .toString()
    .split(' ')[1];
}

async function createHost(page: Page, name: string, address: string): Promise<number> {
  const response = await page.request.post('/api/hosts', { data: { name, address } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { data: { id: number } }).data.id;
}

test('an admin lets Borgitory log in to a host, adds it, changes it and deletes it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const address = `ssh://${host.user}@127.0.0.1:${host.port}`;
  const endpoint = `${host.user}@127.0.0.1:${host.port}`;
  const fingerprint = fingerprintOf(host.hostPublicKey);

  await test.step('the list starts empty, offering to add one', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts', exact: true }).click();
    await expect(page).toHaveURL('/hosts');
    await expect(page.getByRole('heading', { level: 1, name: 'Hosts' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No hosts yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add a host' })).toBeVisible();
    await screenshots(page, 'hosts-empty');
  });

  let line = '';
  await test.step('Add host shows the authorized_keys line, which copies', async () => {
    await page.getByRole('link', { name: 'Add host', exact: true }).click();
    await expect(page).toHaveURL('/hosts/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Add a host' })).toBeVisible();
    const steps = region(page, 'Let Borgitory log in');
    await expect(steps.getByRole('listitem')).toHaveCount(3);
    await expect(steps).toContainText('sudo apt install borgbackup socat');
    const key = steps.getByLabel(/add this line to ~\/\.ssh\/authorized_keys/);
    await expect(key).toHaveValue(/^restrict,port-forwarding ssh-ed25519 [A-Za-z0-9+/=]+ \S+$/);
    await expect(key).toHaveAttribute('readonly', '');
    line = await key.inputValue();

    await steps.getByRole('button', { name: 'Copy the key line' }).click();
    await expect(steps.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);
    await screenshots(page, 'host-new');
  });

  await test.step("the shown command, run on the host, lets Borgitory's key log in", async () => {
    const command = await region(page, 'Let Borgitory log in').locator('pre code').nth(1).textContent();
    expect(command).toContain(line);
    await host.runAs(['env', `HOME=${host.home}`, 'sh', '-c', command ?? '']);
    expect(readFileSync(join(host.home, '.ssh', 'authorized_keys'), 'utf8')).toBe(`${line}\n`);
    expect(statSync(join(host.home, '.ssh')).mode & 0o777).toBe(0o700);

    const serverKey = join(process.env['E2E_DATA_DIR'] ?? '', 'ssh', 'id_ed25519');
    const loggedInAs = execFileSync('ssh', [
      ...['-i', serverKey, '-p', String(host.port)],
      ...['-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null'],
      ...['-o', 'LogLevel=ERROR', `${host.user}@127.0.0.1`, 'id', '-un'],
    ]);
    expect(loggedInAs.toString().trim()).toBe(host.user);
  });

  await test.step("an address with a path is refused at the field, in the server's words", async () => {
    await field(page, 'Name').fill('NAS');
    await field(page, 'Address').fill(`${address}/srv/backups`);
    await page.getByRole('button', { name: 'Save host' }).click();
    const addressField = field(page, 'Address');
    await expect(addressField).toHaveAttribute('aria-invalid', 'true');
    await expect(addressField).toHaveAccessibleDescription(/Must be ssh:\/\/user@host or ssh:\/\/user@host:port, without a path/);
    await expect(addressField).toBeFocused();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await saveScreenshot(page, 'host-new-refused-address', { fullPage: true });
  });

  await test.step('strict without a key is refused at the host key field', async () => {
    await field(page, 'Address').fill(address);
    await expect(field(page, 'Address')).not.toHaveAttribute('aria-invalid');
    await expect(field(page, 'Host key')).toBeHidden();
    await page.getByRole('radio', { name: 'Only this key' }).check();
    await page.getByRole('button', { name: 'Save host' }).click();
    const hostKey = field(page, 'Host key');
    await expect(hostKey).toHaveAttribute('aria-invalid', 'true');
    await expect(hostKey).toHaveAccessibleDescription(/A strict host key policy needs the host key/);
    await expect(hostKey).toBeFocused();
    await saveScreenshot(page, 'host-new-refused-key', { fullPage: true });
  });

  await test.step("with the host's key it is saved, and listed with the key's fingerprint", async () => {
    await field(page, 'Host key').fill(host.hostPublicKey);
    await page.getByRole('button', { name: 'Save host' }).click();
    await expect(page).toHaveURL('/hosts');
    const cells = rowNamed(page, 'NAS').getByRole('cell');
    await expect(cells.nth(0)).toHaveText(endpoint);
    // The host key and, under it, the policy.
    await expect(cells.nth(1)).toHaveText(`${fingerprint}Only the given key`);
    await createHost(page, 'Attic', 'ssh://backup@attic.local');
    await page.reload();
    await expect(rowNamed(page, 'Attic').getByRole('cell').nth(1)).toHaveText('Learned at the first connectionTrusted at first connection');
    await screenshots(page, 'hosts-list');
  });

  await test.step('Edit refuses a name another host has, at the field', async () => {
    await rowNamed(page, 'NAS').getByRole('link', { name: 'Edit NAS' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit NAS' })).toBeVisible();
    await expect(page.getByText(fingerprint).first()).toBeVisible();
    await expect(field(page, 'Address')).toHaveValue(address);
    await expect(page.getByRole('radio', { name: 'Only this key' })).toBeChecked();
    await expect(field(page, 'Host key')).toHaveValue('');
    await field(page, 'Name').fill('Attic');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(field(page, 'Name')).toHaveAccessibleDescription(/A host named "Attic" already exists/);
    await screenshots(page, 'host-edit');
  });

  await test.step('Edit renames it and trusts a key seen first, keeping the one it knows', async () => {
    await field(page, 'Name').fill('NAS (garage)');
    await page.getByRole('radio', { name: 'Trust the key seen at the first connection' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL('/hosts');
    const cells = rowNamed(page, 'NAS (garage)').getByRole('cell');
    await expect(cells.nth(1)).toHaveText(`${fingerprint}Trusted at first connection`);
    await expect(rowNamed(page, 'NAS')).toHaveCount(0);
  });

  await test.step('Delete on its page asks first, then removes it', async () => {
    await rowNamed(page, 'NAS (garage)').getByRole('link', { name: 'Edit NAS (garage)' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`Borgitory forgets NAS (garage) (${endpoint}) and its host key`);
    await saveScreenshot(page, 'host-delete-dialog');
    await dialog.getByRole('button', { name: 'Delete host' }).click();
    await expect(page).toHaveURL('/hosts');
    await expect(rowNamed(page, 'NAS (garage)')).toHaveCount(0);
  });

  await test.step("the list's Delete removes the other one", async () => {
    await rowNamed(page, 'Attic').getByRole('button', { name: 'Delete Attic' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete host' }).click();
    await expect(page.getByRole('heading', { name: 'No hosts yet' })).toBeVisible();
  });
});

test('a viewer sees the hosts, and nothing to add, change or delete them with', async ({ page, browser }) => {
  await createHost(page, 'NAS', `ssh://${host.user}@127.0.0.1:${host.port}`);
  const viewer = await signedIn(page, browser, VIEWER);

  await viewer.goto('/');
  await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts', exact: true }).click();
  await expect(rowNamed(viewer, 'NAS').getByRole('cell').nth(0)).toHaveText(`${host.user}@127.0.0.1:${host.port}`);
  const main = viewer.getByRole('main');
  await expect(main.getByRole('link', { name: /^(Add|Edit)/ })).toHaveCount(0);
  await expect(main.getByRole('button')).toHaveCount(0);
  await saveScreenshot(viewer, 'hosts-viewer');

  await viewer.goto('/hosts/new');
  await expect(viewer.getByRole('alert')).toContainText('Adding a host needs the admin role');
  await expect(viewer.getByText('restrict,port-forwarding')).toHaveCount(0);
  await viewer.context().close();
});

test('an operator tests hosts from the list, and the dashboard shows how each answered', async ({ page, browser }) => {
  // Borgitory's key line in the host user's authorized_keys, as the Add host page would have it added.
  const keyAnswer = await page.request.get('/api/hosts/authorized-key');
  const line = ((await keyAnswer.json()) as { data: { authorized_key: string } }).data.authorized_key;
  const addKey = 'mkdir -p "$HOME/.ssh" && chmod 700 "$HOME/.ssh" && printf "%s\\n" "$1" > "$HOME/.ssh/authorized_keys"';
  await host.runAs(['env', `HOME=${host.home}`, 'sh', '-c', addKey, 'sh', line]);
  const nas = await createHost(page, 'NAS', `ssh://${host.user}@127.0.0.1:${host.port}`);
  // Nothing listens there: the test finds it unreachable.
  await createHost(page, 'Attic', `ssh://backup@127.0.0.1:${await freePort()}`);
  await createHost(page, 'Shed', 'ssh://backup@shed.local');

  await test.step('with no host tested, the dashboard says so', async () => {
    await page.goto('/');
    const hosts = region(page, 'Hosts');
    await expect(hosts.getByRole('heading', { level: 3 })).toHaveText(['Attic', 'NAS', 'Shed']);
    await expect(hosts.getByRole('listitem').filter({ hasText: 'NAS' })).toContainText(/Never tested\s*Last backup\s*none yet/);
    await expect(hosts.getByRole('link', { name: 'NAS', exact: true })).toHaveAttribute('href', `/hosts/${nas}`);
  });

  const operator = await signedIn(page, browser, OPERATOR);
  await operator.goto('/hosts');
  const main = operator.getByRole('main');
  let problem = '';

  await test.step('an operator sees Test on each row, and neither Edit nor Delete', async () => {
    for (const name of ['Attic', 'NAS', 'Shed'])
      await expect(rowNamed(operator, name).getByRole('button', { name: `Test ${name}` })).toBeVisible();
    await expect(main.getByRole('link', { name: /^(Add|Edit)/ })).toHaveCount(0);
    await expect(main.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  });

  await test.step('Test shows its progress, then OK, and the row says OK', async () => {
    await rowNamed(operator, 'NAS').getByRole('button', { name: 'Test NAS' }).click();
    const outcome = region(operator, 'Connection test of NAS');
    await expect(outcome.getByRole('status').first()).toContainText(/Logging in to NAS|OK: Borgitory can back up this host/);
    await expect(outcome).toContainText('OK: Borgitory can back up this host.', { timeout: 30_000 });
    await expect(outcome).toContainText(new RegExp(`Logged in as\\s*${host.user}`));
    await expect(rowNamed(operator, 'NAS').getByRole('button', { name: 'Test NAS' })).toBeEnabled();
    await expect(rowNamed(operator, 'NAS').getByRole('cell').nth(2)).toContainText(/^OK/);
  });

  await test.step('a host that does not answer: its problem with the fix, and in its row', async () => {
    await rowNamed(operator, 'Attic').getByRole('button', { name: 'Test Attic' }).click();
    const outcome = region(operator, 'Connection test of Attic');
    await expect(outcome).toContainText('Borgitory cannot back up this host yet.', { timeout: 30_000 });
    await expect(region(operator, 'Connection test of NAS')).toHaveCount(0);
    problem = (await outcome.locator('.host-test__problems li p').first().innerText()).trim();
    expect(problem).not.toBe('');
    await expect(outcome.getByRole('button', { name: /^Copy the fix: Check that the host is on/ })).toBeVisible();
    await expect(rowNamed(operator, 'Attic').getByRole('cell').nth(2)).toContainText(problem);
    await expect(rowNamed(operator, 'Shed').getByRole('cell').nth(2)).toHaveText('Not tested yetTest');
    await screenshots(operator, 'hosts-tested-operator');
    await outcome.getByRole('button', { name: 'Close the test of Attic' }).click();
    await expect(outcome).toHaveCount(0);
  });

  await test.step('the dashboard: reachable, unreachable with the problem, never tested', async () => {
    await operator.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
    const hosts = region(operator, 'Hosts');
    const item = (name: string) => hosts.getByRole('listitem').filter({ has: operator.getByRole('heading', { name, exact: true }) });
    await expect(item('NAS')).toContainText(/Reachable\s*tested (just now|\d+ seconds? ago)/);
    await expect(item('Attic')).toContainText('Unreachable');
    await expect(item('Attic')).toContainText(problem);
    await expect(item('Shed')).toContainText('Never tested');
    // An operator has no host page of its own: the name leads to the list.
    await expect(hosts.getByRole('link', { name: 'NAS', exact: true })).toHaveAttribute('href', '/hosts');
    await hosts.getByRole('link', { name: 'All hosts' }).click();
    await expect(operator).toHaveURL('/hosts');
    await operator.goBack();
    await expect(region(operator, 'Hosts')).toBeVisible();
    await screenshots(operator, 'dashboard-hosts');
  });
  await operator.context().close();
});
