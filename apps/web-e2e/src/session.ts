import { expect, type Page } from '@playwright/test';

export const USERNAME = 'admin';
export const PASSWORD = 'correct horse battery staple';

// auth.spec.ts ends by running into the login throttle, which counts failed logins
// per client address. The server takes the client address from X-Forwarded-For
// when the request comes from loopback (the default BORGITORY_TRUST_PROXY), so
// these logins come from a client of their own.
const OWN_CLIENT = { 'X-Forwarded-For': '192.0.2.44' };

/** Logs the page's context in through the API, doing the first-run setup if no spec has yet. */
export async function logIn(page: Page) {
  const status = await page.request.get('/api/auth/status');
  expect(status.ok()).toBe(true);
  const { data } = (await status.json()) as { data: { setup_required: boolean; authenticated: boolean } };
  if (data.authenticated) return;
  const credentials = { username: USERNAME, password: PASSWORD };
  const response = data.setup_required
    ? await page.request.post('/api/auth/setup', { data: credentials })
    : await page.request.post('/api/auth/login', { data: credentials, headers: OWN_CLIENT });
  expect(response.ok(), await response.text()).toBe(true);
}
