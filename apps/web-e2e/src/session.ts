import { expect, type Browser, type Page } from '@playwright/test';

export const USERNAME = 'admin';
export const PASSWORD = 'correct horse battery staple';

// auth.spec.ts ends by running into the login throttle. Its browser holds the device cookie of its first
// login, so its failures count on that browser's own counter, and these logins (from fresh browser
// contexts without the cookie) are not throttled by them.

/** Logs the page's context in through the API, doing the first-run setup if no spec has yet. */
export async function logIn(page: Page) {
  const status = await page.request.get('/api/auth/status');
  expect(status.ok()).toBe(true);
  const { data } = (await status.json()) as { data: { setup_required: boolean; authenticated: boolean } };
  if (data.authenticated) return;
  const credentials = { username: USERNAME, password: PASSWORD };
  const response = data.setup_required
    ? await page.request.post('/api/auth/setup', { data: credentials })
    : await page.request.post('/api/auth/login', { data: credentials });
  expect(response.ok(), await response.text()).toBe(true);
}

/** The user made through the admin's API, and a fresh browser context logged in as them. */
export async function signedIn(admin: Page, browser: Browser, user: { username: string; password: string; role: string }): Promise<Page> {
  const created = await admin.request.post('/api/users', { data: user });
  expect(created.status(), await created.text()).toBe(201);
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = await page.request.post('/api/auth/login', { data: { username: user.username, password: user.password } });
  expect(login.status(), await login.text()).toBe(200);
  return page;
}
