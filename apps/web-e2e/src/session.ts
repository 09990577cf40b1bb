import { expect, type Page } from '@playwright/test';

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
