import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import * as OTPAuth from 'otpauth';
import { expect, field, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';

// Users this spec makes; each test ends by deleting them, so that the other specs find only the admin.
const TESS = { username: 'tess', password: 'lilac ferry counts pebbles', role: 'viewer' };
const OTTO = { username: 'otto', password: 'marble canyon hums softly', role: 'operator' };
const MADE = [TESS.username, OTTO.username];

test.describe.configure({ timeout: 180_000 });

test.afterEach(async ({ page }) => {
  const list = await page.request.get('/api/users?limit=200');
  for (const user of ((await list.json()) as { data: { id: number; username: string }[] }).data) {
    if (MADE.includes(user.username)) expect((await page.request.delete(`/api/users/${user.id}`)).status()).toBe(204);
  }
});

/** Makes the user as the admin, then logs them in through the API in a fresh browser context. */
async function newUserPage(page: Page, browser: Browser, user: typeof TESS): Promise<Page> {
  const created = await page.request.post('/api/users', { data: user });
  expect(created.status(), await created.text()).toBe(201);
  // The clipboard is granted, so that the Copy buttons are read back.
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const userPage = await context.newPage();
  const login = await userPage.request.post('/api/auth/login', { data: { username: user.username, password: user.password } });
  expect(login.status(), await login.text()).toBe(200);
  return userPage;
}

/** The page and the region in light, in dark and 390 px wide; the page never scrolls sideways. */
async function screenshots(page: Page, shown: Locator, name: string) {
  await shown.scrollIntoViewIfNeeded();
  await saveScreenshot(page, name, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, `${name}-dark`, { fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shown.scrollIntoViewIfNeeded();
  await saveScreenshot(page, `${name}-narrow`, { fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Logs in on the login page; `code` is typed when the page asks for one. */
async function logInWithCode(page: Page, code: string) {
  await page.goto('/');
  await field(page, 'Username').fill(TESS.username);
  await field(page, 'Password').fill(TESS.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(field(page, 'Two-factor code')).toBeFocused();
  await field(page, 'Two-factor code').fill(code);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
}

test('a user turns two-factor sign-in on and off; logging in asks for a code, and a recovery code works once', async ({
  page,
  browser,
}) => {
  const tess = await newUserPage(page, browser, TESS);
  const panel = region(tess, 'Two-factor sign-in');
  let totp: OTPAuth.TOTP | undefined;
  let recoveryCodes: string[] = [];
  let wrongCode = '';

  await test.step('it is off; Turn on shows the QR code and the secret, and a wrong code is refused at its field', async () => {
    await tess.goto('/settings');
    await expect(panel).toContainText('Off');
    await expect(panel).toContainText('Logging in asks only for your password.');
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await expect(panel.getByRole('img', { name: 'QR code of the secret for an authenticator app' })).toBeVisible();
    const secret = (await panel.locator('code').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    const right = totp.generate();
    // Another number than the codes of this step and the steps on either side, which the server also accepts.
    const near = [-30_000, 0, 30_000].map((offset) => totp?.generate({ timestamp: Date.now() + offset }));
    wrongCode = ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code)) ?? '444444';
    expect(wrongCode).not.toBe(right);
    await field(panel, 'Code from the app').fill(wrongCode);
    await panel.getByRole('button', { name: 'Turn on' }).click();
    const code = field(panel, 'Code from the app');
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toHaveAccessibleDescription(/This is not the current code/);
    await expect(code).toBeFocused();
    await saveScreenshot(tess, 'settings-two-factor-enrolment', { fullPage: true });
  });

  await test.step('the right code turns it on and shows the recovery codes once', async () => {
    await field(panel, 'Code from the app').fill(totp?.generate() ?? '');
    await panel.getByRole('button', { name: 'Turn on' }).click();
    const saved = panel.getByRole('region', { name: 'Two-factor sign-in is on. Save your recovery codes' });
    await expect(saved).toBeFocused();
    await expect(saved).toContainText('they will not be shown again');
    const list = saved.getByRole('list', { name: 'Recovery codes' });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    recoveryCodes = (await list.getByRole('listitem').allInnerTexts()).map((code) => code.trim());
    expect(new Set(recoveryCodes).size).toBe(10);
    await expect(panel).toContainText('On');
    await saved.getByRole('button', { name: 'Copy the recovery codes' }).click();
    await expect(saved.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await tess.evaluate(() => navigator.clipboard.readText())).toBe(recoveryCodes.join('\n'));
    await screenshots(tess, saved, 'settings-two-factor-recovery-codes');
    await saved.getByRole('button', { name: 'I saved them' }).click();
    await expect(saved).toHaveCount(0);
    await expect(panel.getByRole('heading', { name: 'Two-factor sign-in' })).toBeFocused();
    await expect(panel).toContainText('Logging in asks for a code from your authenticator app');
  });

  await test.step('logging in asks for the code: a wrong one is refused, the right one accepted', async () => {
    await logOut(tess);
    await logInWithCode(tess, wrongCode);
    await expect(tess.getByRole('alert')).toHaveText('That code is not right, or was used already');
    await expect(field(tess, 'Two-factor code')).toBeFocused();
    // The code of the step confirmed is spent: the next step's code is as good, and counts once too.
    await field(tess, 'Two-factor code').fill(totp?.generate({ timestamp: Date.now() + 30_000 }) ?? '');
    await tess.getByRole('button', { name: 'Log in' }).click();
    await expect(tess.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  await test.step('a recovery code logs in once; the same code a second time is refused', async () => {
    await logOut(tess);
    await logInWithCode(tess, recoveryCodes[0]);
    await expect(tess.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await logOut(tess);
    await logInWithCode(tess, recoveryCodes[0]);
    await expect(tess.getByRole('alert')).toHaveText('That code is not right, or was used already');
    await field(tess, 'Two-factor code').fill(recoveryCodes[1]);
    await tess.getByRole('button', { name: 'Log in' }).click();
    await expect(tess.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  await test.step('turning it off asks for the password; a wrong one is refused at its field', async () => {
    await tess.goto('/settings');
    await panel.getByRole('button', { name: 'Turn off' }).click();
    const dialog = tess.getByRole('dialog', { name: 'Turn off two-factor sign-in?' });
    await field(dialog, 'Your password').fill('not my password at all');
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await expect(field(dialog, 'Your password')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(dialog, 'Your password')).toHaveAccessibleDescription('This is not your current password');
    await field(dialog, 'Your password').fill(TESS.password);
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel).toContainText('Off');
    await expect(panel.getByRole('button', { name: 'Turn on' })).toBeVisible();
    const login = await tess.request.post('/api/auth/login', { data: { username: TESS.username, password: TESS.password } });
    expect(login.status(), await login.text()).toBe(200);
  });
  await tess.context().close();
});

test('an operator makes a read key, which reads but does not change, then revokes it', async ({ page, browser }) => {
  const otto = await newUserPage(page, browser, OTTO);
  const keys = region(otto, 'API keys');
  const form = region(otto, 'Create an API key');
  const keyRow = (name: string) => keys.getByRole('row').filter({ has: otto.getByRole('rowheader', { name, exact: true }) });
  let key = '';

  /**
   * With the key alone (a fresh context, without the session cookie): GET lists the repositories; POST starts a
   * backup, which an operator may do but a read key may not (the scope is checked before the body).
   */
  async function withKey(bearer: string, method: 'GET' | 'POST'): Promise<number> {
    const context = await browser.newContext();
    const headers = { Authorization: `Bearer ${bearer}` };
    const response =
      method === 'GET'
        ? await context.request.get('/api/repositories', { headers })
        : await context.request.post('/api/backups/manual', { headers, data: {} });
    await context.close();
    return response.status();
  }

  await test.step('there are no keys; an operator is offered read and operate, not admin', async () => {
    await otto.goto('/settings');
    await expect(keys).toContainText('You have no API keys.');
    const scope = form.getByRole('radiogroup', { name: 'Scope' });
    await expect(scope.getByRole('radio')).toHaveCount(2);
    await expect(scope.getByRole('radio', { name: 'Read' })).toBeChecked();
    await expect(scope.getByRole('radio', { name: 'Operate' })).toBeVisible();
    await expect(scope.getByRole('radio', { name: 'Admin' })).toHaveCount(0);
  });

  await test.step('a key without a name is refused at its field', async () => {
    await form.getByRole('button', { name: 'Create key' }).click();
    await expect(field(form, 'Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(form, 'Name')).toBeFocused();
  });

  await test.step('a read key is made and shown once, with a warning', async () => {
    await field(form, 'Name').fill('report script');
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = form.getByRole('region', { name: 'Your new key “report script”' });
    await expect(shown).toBeFocused();
    await expect(shown).toContainText('it will not be shown again');
    key = await field(shown, 'API key').inputValue();
    expect(key).toMatch(/^bgk_/);
    await shown.getByRole('button', { name: 'Copy the key' }).click();
    await expect(shown.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await otto.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await expect(field(form, 'Name')).toHaveValue('');
    await expect(keyRow('report script')).toContainText('Read');
    await expect(keyRow('report script')).toContainText(key.slice(0, 8));
    await expect(keyRow('report script')).not.toContainText(key);
    await screenshots(otto, shown, 'settings-api-key-created');
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await expect(shown).toHaveCount(0);
    await expect(field(form, 'Name')).toBeFocused();
  });

  await test.step('the key reads (200) but cannot change anything (403); the list says when and from where it was used', async () => {
    const lastUsed = keyRow('report script').locator('td[data-label="Last used"]');
    await expect(lastUsed).toHaveText('never');
    expect(await withKey(key, 'GET')).toBe(200);
    expect(await withKey(key, 'POST')).toBe(403);
    await otto.reload();
    await expect(lastUsed).toHaveText('just now from 127.0.0.1');
  });

  await test.step('an expired key is marked, and refused', async () => {
    await field(form, 'Name').fill('old export');
    await form.getByRole('radio', { name: 'Operate' }).check();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await field(form, 'Expires on').fill(day);
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = form.getByRole('region', { name: 'Your new key “old export”' });
    const oldKey = await field(shown, 'API key').inputValue();
    await expect(keyRow('old export')).toContainText('in 1 day');
    // Time runs out: the key's expiry is moved to yesterday in the server's database.
    const db = new Database(join(String(process.env.E2E_DATA_DIR), 'borgitory.db'));
    db.pragma('busy_timeout = 5000');
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().replace('T', ' ').replace('Z', '');
    db.prepare('UPDATE api_keys SET expires_at = ? WHERE name = ?').run(yesterday, 'old export');
    db.close();
    expect(await withKey(oldKey, 'GET')).toBe(401);
    await otto.reload();
    await expect(keyRow('old export')).toContainText('Expired');
    await expect(keyRow('old export')).toContainText('1 day ago');
    await expect(keyRow('report script')).not.toContainText('Expired');
    await screenshots(otto, keys, 'settings-api-keys');
  });

  await test.step('revoking asks first; the key is then refused with 401', async () => {
    await keyRow('report script').getByRole('button', { name: 'Revoke report script' }).click();
    const dialog = otto.getByRole('dialog', { name: 'Revoke this API key?' });
    await expect(dialog).toContainText('report script');
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect(dialog).toBeHidden();
    await expect(keyRow('report script')).toHaveCount(0);
    expect(await withKey(key, 'GET')).toBe(401);
  });
  await otto.context().close();
});
