import { expect, test } from '@playwright/test';
import { saveScreenshot } from './screenshots';

// The server runs with a real OpenID provider beside it (playwright.config.mts): its development login form takes
// any password for a known account, then asks for consent.
test('signs in through the OpenID provider and back, with the role the groups give', async ({ page, browser }) => {
  await page.goto('/');
  const button = page.getByRole('link', { name: 'Sign in with Test IdP' });
  await expect(button).toBeVisible();
  await saveScreenshot(page, 'login-single-sign-on', { fullPage: true });

  await test.step('an account whose groups give no role is sent back with the reason', async () => {
    await button.click();
    await page.locator('input[name="login"]').fill('mallory');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').first().click();
    await page.locator('button[type="submit"]').first().click();
    await expect(page.getByRole('alert')).toHaveText(
      'Your account at Test IdP gives no role here: ask an admin to add you to a group Borgitory knows',
    );
    await saveScreenshot(page, 'login-single-sign-on-refused', { fullPage: true });
  });

  await test.step('a known group: signed in as a new operator', async () => {
    // A new browser: the provider would otherwise remember the account that signed in before.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.locator('input[name="login"]').fill('olivia');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').first().click();
    await page.locator('button[type="submit"]').first().click();
    await expect(page).toHaveURL(/\/$/);
    const me = await page.request.get('/api/auth/me');
    expect(((await me.json()) as { data: { username: string; role: string } }).data).toMatchObject({
      username: 'olivia',
      role: 'operator',
    });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.close();
  });
});
