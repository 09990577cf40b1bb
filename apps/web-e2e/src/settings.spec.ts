import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, field, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';
import { logIn, USERNAME } from './session';

// Users this spec makes; each test ends by deleting them, so that the other specs find only the admin.
const PAT = { username: 'pat', password: 'amber lantern quietly folds', role: 'operator' };
const OLIVE = { username: 'olive', password: 'copper meadow whistles twice' };
const VINCE = { username: 'vince', password: 'violet harbor drums slowly' };
const MADE = [PAT.username, OLIVE.username, VINCE.username];

test.describe.configure({ timeout: 120_000 });

test.afterEach(async ({ page }) => {
  const list = await page.request.get('/api/users?limit=200');
  for (const user of ((await list.json()) as { data: { id: number; username: string }[] }).data) {
    if (MADE.includes(user.username)) expect((await page.request.delete(`/api/users/${user.id}`)).status()).toBe(204);
  }
});

/** A fresh browser context logged in as `username` through the API (or refused: the login's status). */
async function loggedInAs(browser: Browser, username: string, password: string): Promise<{ page: Page; status: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/login', { data: { username, password } });
  return { page, status: response.status() };
}

/** How many entries of the audit log are of `action` and ended with `outcome`. */
async function auditCount(page: Page, action: string, outcome: string): Promise<number> {
  const response = await page.request.get(`/api/audit?limit=200&action=${encodeURIComponent(action)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { outcome: string }[] }).data.filter((entry) => entry.outcome === outcome).length;
}

test('a user changes their password; a wrong current one is refused, and the old one no longer logs in', async ({ page, browser }) => {
  expect((await page.request.post('/api/users', { data: PAT })).status()).toBe(201);
  const pat = await loggedInAs(browser, PAT.username, PAT.password);
  expect(pat.status).toBe(200);
  const newPassword = 'grape kettle orbit sunlamp';

  await test.step('the settings page is reached from the name in the header and says who is signed in', async () => {
    await pat.page.goto('/');
    await pat.page
      .getByRole('banner')
      .getByRole('link', { name: `Logged in as ${PAT.username}` })
      .click();
    await expect(pat.page).toHaveURL('/settings');
    await expect(pat.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const account = region(pat.page, 'Your account');
    await expect(account).toContainText(PAT.username);
    await expect(account).toContainText('Operator: runs backups');
    // Not an admin: no users, no audit log.
    await expect(region(pat.page, 'Users')).toHaveCount(0);
    await expect(pat.page.getByRole('link', { name: 'open the audit log' })).toHaveCount(0);
    await expect(region(pat.page, 'Server settings')).toHaveCount(0);
  });

  const password = region(pat.page, 'Password');
  await test.step('a wrong current password is refused at its field', async () => {
    await field(password, 'Current password').fill('not my password at all');
    await field(password, 'New password').fill(newPassword);
    await field(password, 'New password again').fill(newPassword);
    await password.getByRole('button', { name: 'Change password' }).click();
    const current = field(password, 'Current password');
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(current).toHaveAccessibleDescription('This is not your current password');
    await expect(current).toBeFocused();
  });

  await test.step('a confirmation that differs is caught in the browser', async () => {
    await field(password, 'Current password').fill(PAT.password);
    await field(password, 'New password again').fill(`${newPassword}!`);
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(field(password, 'New password again')).toHaveAccessibleDescription('This is not the same as the new password');
    await expect(field(password, 'New password again')).toBeFocused();
  });

  await test.step('the change is made, and only the new password logs in', async () => {
    await field(password, 'New password again').fill(newPassword);
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(password.getByRole('status').filter({ hasText: 'Your password was changed' })).toBeVisible();
    await expect(field(password, 'Current password')).toHaveValue('');
    expect((await loggedInAs(browser, PAT.username, PAT.password)).status).toBe(401);
    expect((await loggedInAs(browser, PAT.username, newPassword)).status).toBe(200);
  });
  await pat.page.context().close();
});

test('a second browser is listed among the sessions and ended from the first', async ({ page, browser }) => {
  const sessions = region(page, 'Sessions');
  const thisBrowser = sessions.getByRole('listitem').filter({ hasText: 'This browser' });
  const others = sessions.getByRole('listitem').filter({ hasNotText: 'This browser' });

  await test.step('the sessions of earlier specs are ended at once, after a confirmation', async () => {
    await page.goto('/settings');
    await expect(thisBrowser).toHaveCount(1);
    await expect(thisBrowser).toContainText('Headless Chrome on Linux');
    await expect(thisBrowser).toContainText('From 127.0.0.1');
    await expect(thisBrowser).toContainText('last seen now');
    if ((await others.count()) > 0) {
      await sessions.getByRole('button', { name: 'End all other sessions' }).click();
      const dialog = page.getByRole('dialog', { name: 'End all other sessions?' });
      await expect(dialog).toContainText('except this one');
      await dialog.getByRole('button', { name: 'End other sessions' }).click();
      await expect(dialog).toBeHidden();
      await expect(sessions.getByRole('status')).toContainText(/other sessions? (was|were) ended/);
    }
    await expect(others).toHaveCount(0);
    await expect(sessions.getByRole('button', { name: 'End all other sessions' })).toHaveCount(0);
  });

  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await test.step('a login from a second browser shows up as a second session', async () => {
    await logIn(secondPage);
    await secondPage.goto('/');
    await expect(secondPage.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await page.reload();
    await expect(sessions.getByRole('listitem')).toHaveCount(2);
    await expect(others).toContainText('Headless Chrome on Linux');
    await saveScreenshot(page, 'settings-sessions', { fullPage: true });
  });

  await test.step('ending it signs that browser out', async () => {
    await others.getByRole('button', { name: 'End the session of Headless Chrome on Linux from 127.0.0.1' }).click();
    await expect(others).toHaveCount(0);
    await expect(thisBrowser).toHaveCount(1);
    await secondPage.reload();
    await expect(secondPage.getByRole('heading', { name: 'Log in' })).toBeVisible();
    expect((await secondPage.request.get('/api/auth/me')).status()).toBe(401);
  });
  await second.close();
});

test('an admin manages users and reads what they did in the audit log', async ({ page, browser }) => {
  const users = region(page, 'Users');
  const addUser = region(page, 'Add a user');
  const userRow = (name: string) =>
    users
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: false }) })
      .filter({ hasText: name });

  async function add(username: string, password: string, role: string) {
    await field(addUser, 'Name').fill(username);
    await field(addUser, 'Password').fill(password);
    await field(addUser, 'Role').selectOption({ label: role });
    await addUser.getByRole('button', { name: 'Add user' }).click();
    await expect(addUser.getByRole('status').filter({ hasText: `${username} was added.` })).toBeVisible();
    await expect(userRow(username)).toContainText(role);
  }

  // What the log held before this test (earlier tests of this spec, a login): this test's entries come on top.
  const before = {
    created: await auditCount(page, 'POST /api/v1/users', 'succeeded'),
    refused: await auditCount(page, 'POST /api/v1/users', 'failed'),
    changed: await auditCount(page, 'PUT /api/v1/users/{id}', 'succeeded'),
    kept: await auditCount(page, 'PUT /api/v1/users/{id}', 'failed'),
    notDeleted: await auditCount(page, 'DELETE /api/v1/users/{id}', 'failed'),
  };

  await test.step('the navigation leads to the settings; the admin is listed as the only user', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL('/settings');
    await expect(page).toHaveTitle('Settings · Borgitory');
    await expect(region(page, 'Your account')).toContainText('Admin: everything');
    await expect(userRow(USERNAME)).toContainText('(you)');
  });

  await test.step('a weak password is refused at its field; an operator and a viewer are added', async () => {
    await field(addUser, 'Name').fill(OLIVE.username);
    await field(addUser, 'Password').fill('short');
    await addUser.getByRole('button', { name: 'Add user' }).click();
    await expect(field(addUser, 'Password')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(addUser, 'Password')).toBeFocused();
    await add(OLIVE.username, OLIVE.password, 'Operator');
    await add(VINCE.username, VINCE.password, 'Viewer');
  });

  await test.step('a role is changed', async () => {
    await users.getByRole('button', { name: `Change the role of ${VINCE.username}` }).click();
    const dialog = page.getByRole('dialog', { name: `Change the role of ${VINCE.username}` });
    await field(dialog, 'Role').selectOption({ label: 'Operator' });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect(dialog).toBeHidden();
    await expect(userRow(VINCE.username)).toContainText('Operator');
  });

  await test.step('a password is reset, and the user logs in with it', async () => {
    const reset = 'saffron pebble tidewater hums';
    await users.getByRole('button', { name: `Reset the password of ${OLIVE.username}` }).click();
    const dialog = page.getByRole('dialog', { name: `Reset the password of ${OLIVE.username}` });
    await field(dialog, 'New password').fill(reset);
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await expect(dialog).toBeHidden();
    expect((await loggedInAs(browser, OLIVE.username, OLIVE.password)).status).toBe(401);
    const olive = await loggedInAs(browser, OLIVE.username, reset);
    expect(olive.status).toBe(200);
    await olive.page.context().close();
  });

  await test.step('the last admin can neither be demoted nor deleted, and the dialog says why', async () => {
    const lastAdmin = `"${USERNAME}" is the last admin; make another user an admin first`;
    await users.getByRole('button', { name: `Change the role of ${USERNAME}` }).click();
    const roleDialog = page.getByRole('dialog', { name: `Change the role of ${USERNAME}` });
    await field(roleDialog, 'Role').selectOption({ label: 'Viewer' });
    await roleDialog.getByRole('button', { name: 'Change role' }).click();
    await expect(roleDialog.getByRole('alert')).toHaveText(lastAdmin);
    await roleDialog.getByRole('button', { name: 'Cancel' }).click();

    await users.getByRole('button', { name: `Delete ${USERNAME}` }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Delete this user?' });
    await deleteDialog.getByRole('button', { name: 'Delete user' }).click();
    await expect(deleteDialog.getByRole('alert')).toHaveText(lastAdmin);
    await saveScreenshot(page, 'settings-last-admin');
    await deleteDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(deleteDialog).toBeHidden();
    await expect(userRow(USERNAME)).toContainText('Admin');
  });

  await test.step('an admin reads the server settings in use, a secret only as set or not', async () => {
    const server = region(page, 'Server settings');
    const restore = server.getByRole('group', { name: 'Server' }).getByRole('definition').filter({ hasText: 'BORGITORY_RESTORE_ROOTS' });
    await expect(restore).toHaveText(`${join(String(process.env.E2E_DATA_DIR), 'restores')}BORGITORY_RESTORE_ROOTS`);
    const secretKey = server.getByRole('definition').filter({ hasText: 'BORGITORY_SECRET_KEY' });
    await expect(secretKey).toHaveText(/^(set|not set)BORGITORY_SECRET_KEY$/);
    await expect(server.getByRole('group', { name: 'Jobs and retention' })).toContainText(
      'Audit entries older than this many days are removed365',
    );
    await saveScreenshot(server, 'settings-server');
  });

  await test.step('the settings page in light, dark and 390 px wide', async () => {
    await saveScreenshot(page, 'settings', { fullPage: true });
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto('/settings');
    await expect(region(darkPage, 'Users').getByRole('row')).toHaveCount(4);
    await saveScreenshot(darkPage, 'settings-dark', { fullPage: true });
    await darkPage.goto('/audit');
    await expect(darkPage.getByRole('table', { name: 'Audit log' })).toBeVisible();
    await saveScreenshot(darkPage, 'audit-dark', { fullPage: true });
    await dark.close();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'settings-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('the audit log lists the changes, with their outcome', async () => {
    await page.getByRole('link', { name: 'open the audit log' }).click();
    await expect(page).toHaveURL('/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    // Each action's entries in the log narrowed to it: earlier specs' entries would push some off the whole log's first page.
    const table = page.getByRole('table', { name: 'Audit log' });
    const rows = async (action: string, outcome: string) => {
      await page.goto(`/audit?action=${encodeURIComponent(action)}`);
      await expect(field(page, 'Action')).toHaveValue(action);
      return table.getByRole('row').filter({ hasText: action }).filter({ hasText: outcome });
    };
    await expect(await rows('POST /api/v1/users', 'Succeeded 201')).toHaveCount(before.created + 2);
    await expect(await rows('POST /api/v1/users', 'Failed 422')).toHaveCount(before.refused + 1);
    await expect(await rows('PUT /api/v1/users/{id}', 'Succeeded 200')).toHaveCount(before.changed + 2);
    await expect(await rows('PUT /api/v1/users/{id}', 'Failed 409')).toHaveCount(before.kept + 1);
    await expect(await rows('DELETE /api/v1/users/{id}', 'Failed 409')).toHaveCount(before.notDeleted + 1);
    await page.goto('/audit');
    await expect(table.getByRole('row').filter({ hasText: 'DELETE /api/v1/users/{id}' }).first()).toBeVisible();
    await saveScreenshot(page, 'audit', { fullPage: true });
  });

  await test.step('the log is filtered by user, action and day', async () => {
    const table = page.getByRole('table', { name: 'Audit log' });
    await field(page, 'User').selectOption({ label: OLIVE.username });
    await expect(page).toHaveURL(/user_id=\d+/);
    // Olive only logged in: first with the old password (refused, not signed in yet), then with the new one.
    await expect(table.getByRole('row').filter({ hasText: 'POST /api/v1/users' })).toHaveCount(0);
    await expect(table.getByRole('rowgroup').last().getByRole('row')).not.toHaveCount(0);
    for (const cell of await table.locator('td[data-label="User"]').all()) await expect(cell).toContainText(OLIVE.username);

    await field(page, 'User').selectOption({ label: USERNAME });
    await expect(table.getByRole('row').filter({ hasText: 'POST /api/v1/users' }).first()).toBeVisible();
    for (const cell of await table.locator('td[data-label="User"]').all()) await expect(cell).toHaveText(USERNAME);

    // An action in the table narrows the log to it, keeping the user.
    await table.getByRole('link', { name: 'DELETE /api/v1/users/{id}' }).first().click();
    await expect(page).toHaveURL(/user_id=\d+&action=DELETE/);
    await expect(field(page, 'Action')).toHaveValue('DELETE /api/v1/users/{id}');
    await expect(table.getByRole('row').filter({ hasText: 'Failed 409' })).toHaveCount(before.notDeleted + 1);
    for (const cell of await table.locator('td[data-label="Action"]').all()) await expect(cell).toHaveText('DELETE /api/v1/users/{id}');
    const shown = await table.getByRole('rowgroup').last().getByRole('row').count();

    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await field(page, 'From').fill(day);
    await expect(page).toHaveURL(new RegExp(`since=${day}`));
    await expect(table.getByRole('rowgroup').last().getByRole('row')).toHaveCount(shown);
    await field(page, 'To').fill('2020-01-01');
    await field(page, 'From').fill('2019-12-31');
    await expect(page.getByText('Nothing in the log matches these filters.')).toBeVisible();
    await page.getByRole('link', { name: 'Show the whole log' }).click();
    await expect(page).toHaveURL('/audit');
    await expect(field(page, 'Action')).toHaveValue('');

    // The action filter offers every operation the log holds, with its count, not only those on the page.
    const actions = page.getByRole('listbox', { name: 'Choices for action' });
    await field(page, 'Action').fill('put /api/v1/users');
    await expect(actions.getByRole('option', { name: /^PUT \/api\/v1\/users\/\{id\} ?, \d+ entries$/ })).toBeVisible();
    await expect(actions.getByRole('option', { name: /^POST / })).toHaveCount(0);
    await actions.getByRole('option', { name: /^PUT \/api\/v1\/users\/\{id\}/ }).click();
    await expect(page).toHaveURL(/action=PUT/);
    await expect(table.getByRole('row').filter({ hasText: 'Succeeded 200' })).toHaveCount(before.changed + 2);
    await page.goto('/audit');
  });

  await test.step('the audit log at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('table', { name: 'Audit log' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'audit-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('someone who is not an admin is told the audit log needs the admin role', async () => {
    const vince = await loggedInAs(browser, VINCE.username, VINCE.password);
    expect(vince.status).toBe(200);
    await vince.page.goto('/audit');
    await expect(vince.page.getByRole('alert')).toContainText('The audit log needs the admin role.');
    expect((await vince.page.request.get('/api/audit')).status()).toBe(403);
    await saveScreenshot(vince.page, 'audit-needs-admin');
    await vince.page.context().close();
  });
});
