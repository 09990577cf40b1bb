import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createRepository, expect, jobStatus, region, test, writeArchives } from './fixtures';
import { saveScreenshot } from './screenshots';

const DAY_MS = 24 * 60 * 60 * 1000;

let workDir: string;

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-overview-'));
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** A backup through the API, waited for; its final status. */
async function backUp(page: Page, repositoryId: number, source: string): Promise<{ id: number; status: string }> {
  const started = await page.request.post('/api/backups/manual', { data: { repository_id: repositoryId, source_path: source } });
  expect(started.status(), await started.text()).toBe(201);
  const { data } = (await started.json()) as { data: { id: number } };
  await expect.poll(() => jobStatus(page, data.id), { timeout: 120_000 }).not.toMatch(/^(queued|running)$/);
  return { id: data.id, status: await jobStatus(page, data.id) };
}

const cards = (page: Page) => page.getByRole('region', { name: 'Repositories', exact: true }).getByRole('article');
const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });
/** The verdict beside a card's name. */
const verdict = (page: Page, name: string) => card(page, name).locator('header');

test('the dashboard shows every repository worst first, and a failure stays until acknowledged', async ({ page, browser }) => {
  // Four backups and borg's command line first: minutes on a busy machine.
  test.setTimeout(240_000);
  const source = join(workDir, 'source');
  mkdirSync(join(source, 'letters'), { recursive: true });
  writeFileSync(join(source, 'notes.txt'), 'notes');
  writeFileSync(join(source, 'letters', 'to-anna.txt'), 'Dear Anna');

  // Two healthy repositories, a backup each.
  for (const name of ['Music', 'Documents']) {
    const id = await createRepository(page, name, join(workDir, name.toLowerCase()));
    expect((await backUp(page, id, source)).status).toBe('completed');
  }

  // A backup that worked, then one that failed: the repository's directory went away.
  const photosPath = join(workDir, 'photos');
  const photos = await createRepository(page, 'Family photos', photosPath);
  expect((await backUp(page, photos, source)).status).toBe('completed');
  expect((await page.request.get(`/api/repositories/${photos}/archives?refresh=true`)).ok()).toBe(true);
  rmSync(photosPath, { recursive: true, force: true });
  const failed = await backUp(page, photos, source);
  expect(failed.status).toBe('failed');

  // An archive made three days ago by another machine, and one expected every 24 hours.
  const laptopPath = join(workDir, 'laptop');
  const laptop = await createRepository(page, 'Old laptop', laptopPath);
  const threeDaysAgo = new Date(Date.now() - 3 * DAY_MS).toISOString().slice(0, 10);
  await writeArchives(
    page,
    { id: laptop, path: laptopPath },
    source,
    [{ name: 'laptop-old', day: threeDaysAgo }],
    join(workDir, 'borg-cli'),
  );
  const edited = await page.request.put(`/api/repositories/${laptop}`, { data: { max_age_hours: 24 } });
  expect(edited.ok(), await edited.text()).toBe(true);

  await test.step('failed, overdue, then the healthy ones by name', async () => {
    await page.goto('/');
    await expect(cards(page)).toHaveCount(4);
    await expect(cards(page).getByRole('heading')).toHaveText(['Family photos', 'Old laptop', 'Documents', 'Music']);
    await expect(page.getByText('4 repositories: 1 failed, 1 overdue, 2 healthy')).toBeVisible();
    // A server that backs up only itself: no word about hosts.
    await expect(region(page, 'Hosts')).toHaveCount(0);

    const failedCard = card(page, 'Family photos');
    await expect(verdict(page, 'Family photos')).toHaveText('Family photosFailed');
    await expect(failedCard).toContainText(`Backup #${failed.id} failed`);
    await expect(failedCard.getByRole('link', { name: 'Family photos' })).toHaveAttribute('href', `/repositories/${photos}`);

    const overdueCard = card(page, 'Old laptop');
    await expect(verdict(page, 'Old laptop')).toHaveText('Old laptopOverdue');
    // Made on the day three days back: two and a half days ago just after midnight, three later in the day.
    await expect(overdueCard).toContainText(/Newest archive [23] days ago — expected every 24 h/);
    await expect(overdueCard).toContainText('No archive as recent as expected');

    const healthy = card(page, 'Documents');
    await expect(verdict(page, 'Documents')).toHaveText('DocumentsHealthy');
    await expect(healthy).toContainText(/Newest archive (just now|\d+ minutes? ago) — nothing expected/);
    await expect(healthy).toContainText(/Last backup\s*Completed/);
    await expect(healthy).toContainText(/Archives\s*1/);
    await expect(healthy).toContainText(/Size\s*[\d.]+ (B|kB) original, [\d.]+ (B|kB) on disk/);
    await saveScreenshot(page, 'dashboard-overview', { fullPage: true });
  });

  await test.step('390 px wide and in a dark colour scheme', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(cards(page)).toHaveCount(4);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'dashboard-overview-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    const dark = await browser.newContext({ colorScheme: 'dark', storageState: await page.context().storageState() });
    const darkPage = await dark.newPage();
    await darkPage.goto('/');
    await expect(cards(darkPage)).toHaveCount(4);
    await saveScreenshot(darkPage, 'dashboard-overview-dark', { fullPage: true });
    await dark.close();
  });

  await test.step('acknowledging the failure: the repository is healthy again, the others keep their place', async () => {
    // Its archive list was read before the directory went, and is read again only every 15 minutes: nothing but the
    // failure made it "failed".
    await card(page, 'Family photos').getByRole('button', { name: 'Acknowledge' }).click();
    await expect(cards(page).getByRole('heading')).toHaveText(['Old laptop', 'Documents', 'Family photos', 'Music']);
    await expect(verdict(page, 'Family photos')).toHaveText('Family photosHealthy');
    await expect(card(page, 'Family photos').getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Acknowledge all' })).toHaveCount(0);
    const job = (await (await page.request.get(`/api/jobs/${failed.id}`)).json()) as { data: { acknowledged_at: string | null } };
    expect(job.data.acknowledged_at).not.toBeNull();
    await saveScreenshot(page, 'dashboard-overview-acknowledged', { fullPage: true });
  });
});
