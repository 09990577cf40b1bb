import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepository, expect, field, region, test, writeArchives } from './fixtures';
import { saveScreenshot } from './screenshots';

const DAY_MS = 24 * 60 * 60 * 1000;

let workDir: string;

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-monitoring-'));
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

test('a repository past its maximum age shows as overdue on its page and at the top of the dashboard', async ({ page, browser }) => {
  const name = 'Old laptop';
  const path = join(workDir, 'old-laptop');
  const source = join(workDir, 'source');
  mkdirSync(source);
  writeFileSync(join(source, 'notes.txt'), 'notes');
  const id = await createRepository(page, name, path);
  const threeDaysAgo = new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10);
  await writeArchives(page, { id, path }, source, [{ name: 'notes-old', day: threeDaysAgo }], join(workDir, 'borg-cli'));
  const repositoryCard = page.getByRole('article', { name, exact: true });
  const overdueBadge = repositoryCard.getByText('Overdue', { exact: true });

  await test.step('nothing is expected yet: not overdue on the dashboard', async () => {
    await page.goto('/');
    await expect(repositoryCard).toContainText('nothing expected');
    await expect(overdueBadge).toHaveCount(0);
  });

  await test.step('the edit form sets a maximum age, and the page says the repository is overdue', async () => {
    await page.goto(`/repositories/${id}/edit`);
    const maxAge = field(page, 'Maximum age of the newest archive (hours)');
    await expect(maxAge).toHaveValue('');
    await maxAge.fill('24');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(`/repositories/${id}`);
    const expectation = region(page, 'Backup expectation');
    await expect(expectation).toContainText(/Overdue since .*: the newest archive was made \d days ago\./);
    await expect(expectation).toContainText(/Expected\s*An archive at least every 24 hours/);
    await expect(expectation).toContainText(/Maximum age\s*24 hours/);
    await saveScreenshot(page, 'repository-overdue', { fullPage: true });
  });

  await test.step('the dashboard lists it first, with a link to it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('region', { name: 'Repositories', exact: true }).getByRole('article').first()).toHaveAccessibleName(name);
    await expect(overdueBadge).toBeVisible();
    await expect(repositoryCard).toContainText(/Newest archive \d days ago — expected every 24 h/);
    await expect(repositoryCard.getByRole('link', { name })).toHaveAttribute('href', `/repositories/${id}`);
    await saveScreenshot(page, 'dashboard-overdue', { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(overdueBadge).toBeVisible();
    await saveScreenshot(page, 'dashboard-overdue-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('in a dark colour scheme', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto(`/repositories/${id}`);
    await expect(region(darkPage, 'Backup expectation')).toContainText('Overdue since');
    await saveScreenshot(darkPage, 'repository-overdue-dark', { fullPage: true });
    await darkPage.goto('/');
    await expect(darkPage.getByRole('article', { name, exact: true }).getByText('Overdue', { exact: true })).toBeVisible();
    await saveScreenshot(darkPage, 'dashboard-overdue-dark', { fullPage: true });
    await dark.close();
  });

  await test.step('without a maximum age nothing is expected, and it is no longer overdue', async () => {
    await page.goto(`/repositories/${id}/edit`);
    await field(page, 'Maximum age of the newest archive (hours)').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(region(page, 'Backup expectation')).toContainText('Nothing. Set a maximum age, or enable a schedule');
    await page.goto('/');
    await expect(repositoryCard).toContainText('nothing expected');
    await expect(overdueBadge).toHaveCount(0);
  });
});
