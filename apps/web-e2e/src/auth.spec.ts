import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot } from './screenshots';

const USERNAME = 'admin';
const PASSWORD = 'correct horse battery staple';

const SECTIONS = [
  { name: 'Dashboard', path: '/' },
  { name: 'Repositories', path: '/repositories' },
  { name: 'Hosts', path: '/hosts' },
  { name: 'Backups', path: '/backups' },
  { name: 'Archives', path: '/archives' },
  { name: 'Search', path: '/search' },
  { name: 'Schedules', path: '/schedules' },
  { name: 'Jobs', path: '/jobs' },
  { name: 'Cloud Sync', path: '/cloud-sync' },
  { name: 'Notifications', path: '/notifications' },
  { name: 'Settings', path: '/settings' },
];

const navigation = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const passwordField = (page: Page) => page.getByLabel('Password', { exact: true });

async function expectLoggedIn(page: Page) {
  await expect(page.getByRole('banner')).toContainText(USERNAME);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(navigation(page)).toBeVisible();
}

// The server starts with an empty data directory, so the browser meets the first-run setup.
test('first-run setup, navigation, log out and log in again', async ({ page, browser }) => {
  // Setup, a dozen logins (argon2 each) and the lockout: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await test.step('the setup page appears on a fresh server', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Set up Borgitory' })).toBeVisible();
    await expect(page).toHaveTitle('Set up Borgitory');
    await saveScreenshot(page, 'setup');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'setup-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('the passwords must match', async () => {
    await page.getByLabel('Username').fill(USERNAME);
    await passwordField(page).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(`${PASSWORD}!`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByLabel('Confirm password')).toHaveAccessibleDescription('The passwords do not match');
    await expect(page.getByLabel('Confirm password')).toBeFocused();
  });

  await test.step("the server's validation messages are shown by their field", async () => {
    await passwordField(page).fill('12345678');
    await page.getByLabel('Confirm password').fill('12345678');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(passwordField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(passwordField(page)).toHaveAccessibleDescription(/at least 12 characters long/);
    await expect(page.getByLabel('Username')).not.toHaveAttribute('aria-invalid');
    await saveScreenshot(page, 'setup-errors');
  });

  await test.step('a password that is easy to guess is refused with the reason at the field', async () => {
    await passwordField(page).fill('password1234');
    await page.getByLabel('Confirm password').fill('password1234');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(passwordField(page)).toHaveAccessibleDescription(
      /too easy to guess\. This is similar to a commonly used password\. Add more words/,
    );
    await saveScreenshot(page, 'setup-weak-password');
  });

  await test.step('creating the first user logs in', async () => {
    await passwordField(page).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectLoggedIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  await test.step('the dashboard shows the health of the server', async () => {
    const health = page.getByRole('region', { name: 'Server health' });
    await expect(health).toContainText('Healthy');
    await expect(health).toContainText(/API version\s*\d+\.\d+\.\d+/);
    await expect(health).toContainText(/Database\s*OK/);
    await expect(health).toContainText(/Borg\s*OK\s*version \d+\.\d+/);
    await expect(health).toContainText(/rclone\s*OK\s*version \d+\.\d+/);
    await saveScreenshot(page, 'dashboard');
  });

  await test.step('the dashboard in a dark colour scheme', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto('/');
    await expect(darkPage.getByRole('region', { name: 'Server health' })).toContainText('Healthy');
    await saveScreenshot(darkPage, 'dashboard-dark');
    await dark.close();
  });

  await test.step('the layout on a narrow screen: the sections behind a Menu button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const menu = navigation(page).getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(navigation(page).getByRole('link')).toHaveCount(0);
    // The whole navigation is one row: the page starts right under it.
    expect((await navigation(page).boundingBox())?.height).toBeLessThan(60);
    await saveScreenshot(page, 'dashboard-narrow');

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    // Every section, the current one too, is in view without scrolling sideways.
    for (const section of SECTIONS) {
      await expect(navigation(page).getByRole('link', { name: section.name, exact: true })).toBeInViewport({ ratio: 1 });
    }
    expect(await navigation(page).evaluate((nav) => nav.scrollWidth <= nav.clientWidth)).toBe(true);
    await expect(navigation(page).getByRole('link', { name: 'Dashboard', exact: true })).toHaveAttribute('aria-current', 'page');
    await saveScreenshot(page, 'dashboard-narrow-menu');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'dashboard-narrow-menu-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // By keyboard: Tab from the button reaches the first section; Escape folds the menu and gives the button back the focus.
    await page.keyboard.press('Tab');
    await expect(navigation(page).getByRole('link', { name: 'Dashboard', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');

    // Choosing a section opens its page, folds the menu and puts the focus on the page.
    await navigation(page).getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(page).toHaveURL('/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('main')).toBeFocused();
    await expect(navigation(page)).toContainText('Settings');
    await menu.click();
    const last = navigation(page).getByRole('link', { name: 'Settings', exact: true });
    await expect(last).toHaveAttribute('aria-current', 'page');
    await expect(last).toBeInViewport({ ratio: 1 });
    await saveScreenshot(page, 'settings-nav-narrow');

    // Another page opened from elsewhere folds it too.
    await page.getByRole('banner').getByRole('link', { name: 'Borgitory' }).click();
    await expect(page).toHaveURL('/');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'dashboard-narrow-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(menu).toBeHidden();
  });

  await test.step('every navigation item opens its page', async () => {
    for (const section of SECTIONS) {
      const link = navigation(page).getByRole('link', { name: section.name, exact: true });
      await link.click();
      await expect(page).toHaveURL(section.path);
      await expect(page.getByRole('heading', { level: 1, name: section.name })).toBeVisible();
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(page).toHaveTitle(`${section.name} · Borgitory`);
    }
  });

  await test.step('an unknown address shows the not-found page', async () => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectLoggedIn(page);
  });

  await test.step('a client-side route survives a reload', async () => {
    await navigation(page).getByRole('link', { name: 'Jobs' }).click();
    await expect(page).toHaveURL('/jobs');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
    await expectLoggedIn(page);
  });

  await test.step('logging out shows the login page', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(navigation(page)).toBeHidden();
    await saveScreenshot(page, 'login');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'login-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('a wrong password is refused', async () => {
    await page.getByLabel('Username').fill(USERNAME);
    await passwordField(page).fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Invalid username or password');
    await expect(passwordField(page)).toHaveValue('');
    await saveScreenshot(page, 'login-error');
  });

  await test.step('the right password logs in again, on the page that was open', async () => {
    await passwordField(page).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectLoggedIn(page);
    await expect(page).toHaveURL('/jobs');
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  });

  await test.step("after too many failed logins the server's refusal is shown", async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(page).toHaveTitle('Log in · Borgitory');
    await page.getByLabel('Username').fill(USERNAME);
    // The server allows 10 failed logins in 15 minutes per browser holding a device cookie (this one has had
    // it since its first login) and per address for the others.
    for (let attempt = 1; attempt <= 10; attempt++) {
      await passwordField(page).fill(`wrong password ${attempt}`);
      const answer = page.waitForResponse('**/api/v1/auth/login');
      await page.getByRole('button', { name: 'Log in' }).click();
      expect((await answer).status()).toBe(401);
      await expect(passwordField(page)).toHaveValue('');
    }
    await passwordField(page).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toHaveText(/Too many failed logins; try again in \d+ minute/);
    await expect(navigation(page)).toBeHidden();
  });

  await test.step('the lockout holds only the browser that failed: another one still logs in', async () => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto('/');
    await otherPage.getByLabel('Username').fill(USERNAME);
    await passwordField(otherPage).fill(PASSWORD);
    await otherPage.getByRole('button', { name: 'Log in' }).click();
    await expectLoggedIn(otherPage);
    await other.close();
  });
});
