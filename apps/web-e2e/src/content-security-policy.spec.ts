import { watchCspViolations } from './csp';
import { expect, test } from './fixtures';
import { saveScreenshot } from './screenshots';

const SECTIONS = ['Dashboard', 'Repositories', 'Hosts', 'Backups', 'Archives', 'Schedules', 'Jobs', 'Cloud Sync'];

// The SPA runs under the server's Content-Security-Policy: scripts, styles and connections from the server only.
test('every page of the SPA works within the Content-Security-Policy', async ({ page }) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('region', { name: 'Server health' })).toContainText('Healthy');
  await saveScreenshot(page, 'dashboard-csp');

  const navigation = page.getByRole('navigation', { name: 'Main' });
  for (const section of SECTIONS) {
    await navigation.getByRole('link', { name: section, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
  }
  await navigation.getByRole('link', { name: 'Repositories', exact: true }).click();
  await page.getByRole('link', { name: 'New repository' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New repository' })).toBeVisible();
  await saveScreenshot(page, 'repository-form-csp');
  expect(violations).toEqual([]);
});
