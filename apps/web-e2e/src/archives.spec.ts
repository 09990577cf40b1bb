import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createRepository, expect, jobStatus, region, test } from './fixtures';
import { saveScreenshot } from './screenshots';

const REPOSITORY = 'Alice laptop';
const FIRST = 'e2e-first';
const SECOND = 'e2e-second';
// "café.txt" written in Latin-1: the byte 0xE9 is not UTF-8, so the API sends it as the lone surrogate U+DCE9
// and the browser shows it as U+FFFD.
const LATIN1_NAME = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
const LATIN1_SHOWN = 'caf\ufffd.txt';
const LATIN1_CONTENT = 'a name that is not UTF-8\n';

const entries = (page: Page) => page.getByRole('table', { name: /^Contents of / });
const entryRow = (page: Page, name: string) =>
  entries(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader').filter({ hasText: name }) });
const archiveRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

// The server runs as the same user on this machine: it reads the sources and restores here.
let workDir: string;
let source: string;
let restoreDir: string;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-archives-'));
  source = join(workDir, 'sources', 'home');
  restoreDir = join(workDir, 'restored');
  mkdirSync(join(source, 'docs', 'notes'), { recursive: true });
  mkdirSync(join(source, 'photos'), { recursive: true });
  mkdirSync(restoreDir);
  writeFileSync(join(source, 'docs', 'report.txt'), 'Quarterly report\n');
  writeFileSync(join(source, 'docs', 'notes', 'todo.txt'), 'buy milk\n');
  writeFileSync(Buffer.concat([Buffer.from(`${join(source, 'docs')}/`), LATIN1_NAME]), LATIN1_CONTENT);
  writeFileSync(join(source, 'photos', 'beach.jpg'), Buffer.alloc(4096, 7));
  writeFileSync(join(source, 'readme.txt'), 'Alice’s files\n');
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

/** A backup through the API, waited for until it has completed. */
async function backUp(page: Page, repositoryId: number, archiveName: string) {
  const response = await page.request.post('/api/backups/manual', {
    data: { repository_id: repositoryId, source_path: source, archive_name: archiveName, comment: `made by the ${archiveName} test` },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { data: job } = (await response.json()) as { data: { id: number } };
  await expect.poll(() => jobStatus(page, job.id), { timeout: 60_000, intervals: [250] }).toBe('completed');
}

/** In the archive browser: from where it is, open each folder on the way down `path` by clicking it. */
async function openFolders(page: Page, path: string) {
  for (const name of path.split('/').filter(Boolean)) {
    await entries(page).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Folder' }).locator('[aria-current="page"]')).toHaveText(name);
  }
}

async function downloadText(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await link.click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('browse an archive, download files, restore a folder, compare, search and delete', async ({ page }) => {
  const repositoryId = await createRepository(page, REPOSITORY, join(workDir, 'repository'));
  await backUp(page, repositoryId, FIRST);
  writeFileSync(join(source, 'docs', 'report.txt'), 'Quarterly report, revised\n');
  writeFileSync(join(source, 'docs', 'plan.txt'), 'The plan\n');
  rmSync(join(source, 'readme.txt'));
  await backUp(page, repositoryId, SECOND);

  await test.step('the repository page leads to its archives, newest first', async () => {
    await page.goto(`/repositories/${repositoryId}`);
    await page.getByRole('main').getByRole('link', { name: 'Archives', exact: true }).click();
    await expect(page).toHaveURL(`/repositories/${repositoryId}/archives`);
    await expect(page.getByRole('heading', { level: 1, name: 'Archives' })).toBeVisible();
    await expect(page).toHaveTitle(`Archives of ${REPOSITORY} · Borgitory`);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archives', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const rows = page.getByRole('table', { name: /^Archives/ }).getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText(SECOND);
    await expect(rows.nth(2)).toContainText(FIRST);
    await expect(archiveRow(page, FIRST)).toContainText(`made by the ${FIRST} test`);
    // The figures come from the backup.
    await expect(archiveRow(page, SECOND)).toContainText(/\d+(\.\d)? kB/);
    await saveScreenshot(page, 'archives-list', { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // Below the filters at this width: scrolled to, its actions must be whole on the screen, without scrolling sideways.
    await archiveRow(page, SECOND).getByRole('link', { name: SECOND, exact: true }).scrollIntoViewIfNeeded();
    await expect(archiveRow(page, SECOND).getByRole('button', { name: `Delete ${SECOND}` })).toBeInViewport({ ratio: 1 });
    await expect(archiveRow(page, SECOND).getByRole('link', { name: `Compare ${SECOND}` })).toBeInViewport({ ratio: 1 });
    await saveScreenshot(page, 'archives-list-narrow', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'archives-list-narrow-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('the date column sorts oldest first and back', async () => {
    const date = page.getByRole('columnheader', { name: 'Date' });
    await expect(date).toHaveAttribute('aria-sort', 'descending');
    await date.getByRole('button').click();
    await expect(page).toHaveURL(`/repositories/${repositoryId}/archives?order=oldest`);
    await expect(date).toHaveAttribute('aria-sort', 'ascending');
    const rows = page.getByRole('table', { name: /^Archives/ }).getByRole('row');
    await expect(rows.nth(1)).toContainText(FIRST);
    await date.getByRole('button').click();
    await expect(rows.nth(1)).toContainText(SECOND);
  });

  await test.step('an archive opens at its root and its folders open by clicking', async () => {
    await page.getByRole('link', { name: SECOND, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: SECOND })).toBeVisible();
    await expect(page).toHaveTitle(`${SECOND} · ${REPOSITORY} · Borgitory`);
    // Inside an archive the navigation says Archives, although the address is under the repository's.
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await expect(navigation.getByRole('link', { name: 'Archives', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(navigation.getByRole('link', { name: 'Repositories', exact: true })).not.toHaveAttribute('aria-current');
    // The first opening indexes the archive; a small one is ready at once, a big one shows its progress.
    await expect(entries(page)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('navigation', { name: 'Folder' })).toHaveText('Root');
    await openFolders(page, join(source, 'docs'));
    const crumbs = page.getByRole('navigation', { name: 'Folder' }).getByRole('listitem');
    await expect(crumbs.first()).toHaveText('Root');
    await expect(crumbs.last()).toHaveText('docs');
    await expect(entryRow(page, 'notes')).toBeVisible();
    await expect(entryRow(page, 'report.txt')).toContainText('26 B');
    await expect(entryRow(page, 'plan.txt')).toBeVisible();
    await expect(region(page, 'Archive details')).toContainText(/Files\s*5(?!\d)/);
    await expect(region(page, 'Archive details')).toContainText(/Command line\s*\S*borg .*create/);
    await saveScreenshot(page, 'archive-browser', { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // Below the navigation, but whole once scrolled to: nothing of the row is cut off sideways.
    const download = entryRow(page, 'report.txt').getByRole('link', { name: /Download/ });
    await download.scrollIntoViewIfNeeded();
    await expect(download).toBeInViewport({ ratio: 1 });
    // On a phone the sections are folded behind Menu; beside it the navigation names the current one.
    await expect(navigation.locator('.app__nav-current')).toHaveText('Archives');
    const menu = navigation.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(navigation.getByRole('link', { name: 'Archives', exact: true })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await saveScreenshot(page, 'archive-browser-narrow', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'archive-browser-narrow-dark', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await saveScreenshot(page, 'archive-browser-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('a file downloads with its content', async () => {
    const file = await downloadText(page, page.getByRole('link', { name: 'Download report.txt', exact: true }));
    expect(file.name).toBe('report.txt');
    expect(file.text).toBe('Quarterly report, revised\n');
  });

  await test.step('a name that is not UTF-8 is listed and downloads', async () => {
    const row = entryRow(page, LATIN1_SHOWN);
    await expect(row).toBeVisible();
    await expect(row).toContainText('not UTF-8');
    const link = row.getByRole('link', { name: `Download ${LATIN1_SHOWN}`, exact: true });
    // The byte travels percent-encoded as itself.
    await expect(link).toHaveAttribute('href', /\/download\?path=.*\/docs\/caf%E9\.txt$/);
    const file = await downloadText(page, link);
    expect(file.text).toBe(LATIN1_CONTENT);
    expect(file.name).toMatch(/^caf.*\.txt$/);
  });

  await test.step('the columns sort the folder', async () => {
    await page.getByRole('button', { name: 'Size', exact: true }).click();
    await expect(page.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/[?&]sort=size&order=desc/);
    // Folders first, then the largest file.
    const rows = entries(page).getByRole('row');
    await expect(rows.nth(1)).toContainText('notes');
    await expect(rows.nth(2)).toContainText('report.txt');
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.nth(2)).toContainText(LATIN1_SHOWN);
  });

  let restoreJob = 0;
  await test.step('a folder is restored into a server directory through the dialog', async () => {
    await page.getByRole('navigation', { name: 'Folder' }).getByRole('link', { name: 'home', exact: true }).click();
    await expect(entryRow(page, 'docs')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Restore selected…' })).toBeDisabled();
    await entries(page).getByRole('checkbox', { name: 'Select docs' }).check();
    await expect(page.getByText('1 item selected')).toBeVisible();
    await page.getByRole('button', { name: 'Restore selected…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Restore 1 item' });
    await expect(dialog).toContainText(join(source, 'docs'));
    await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();

    // The original location replaces files where they were backed up from: it asks for that in so many words.
    await dialog.getByRole('radio', { name: 'To the original location' }).check();
    await expect(dialog.getByLabel('Destination directory')).toBeHidden();
    await expect(dialog).toContainText(`Each item goes back to the path it was backed up from, such as ${join(source, 'docs')}.`);
    await dialog.getByRole('checkbox', { name: 'Replace the files at their original location' }).check();
    await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeEnabled();
    await saveScreenshot(page, 'archive-restore-original');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'archive-restore-original-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeInViewport();
    await saveScreenshot(page, 'archive-restore-original-narrow');
    await page.setViewportSize({ width: 1280, height: 720 });
    await dialog.getByRole('radio', { name: 'Into a directory' }).check();
    await expect(dialog.getByRole('button', { name: 'Restore', exact: true })).toBeDisabled();

    const destination = dialog.getByLabel('Destination directory');
    await destination.fill(restoreDir);
    // The server's directory picker opens where the field points, and offers directories only.
    await dialog.getByRole('button', { name: 'Browse… for the destination directory' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose where to restore' });
    await expect(picker.getByText(restoreDir, { exact: true })).toBeVisible();
    await picker.getByRole('button', { name: 'Choose this directory' }).click();
    await expect(picker).toBeHidden();
    await expect(destination).toHaveValue(restoreDir);
    await expect(dialog.getByRole('checkbox', { name: 'Keep full paths' })).not.toBeChecked();
    await expect(dialog).toContainText(`It lands at ${restoreDir}/docs, directly in the destination.`);
    await saveScreenshot(page, 'archive-restore-dialog');
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();

    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    restoreJob = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByRole('heading', { level: 1, name: `Restore #${restoreJob} · ${REPOSITORY}` })).toBeVisible();
    await expect(region(page, 'Result')).toContainText('Restore completed.', { timeout: 60_000 });
    await expect(region(page, 'Result')).toContainText(`Restored into ${restoreDir}.`);
    await expect(region(page, 'Parameters')).toContainText(join(source, 'docs'));
    await saveScreenshot(page, 'archive-restore-job', { fullPage: true });

    expect(readFileSync(join(restoreDir, 'docs', 'report.txt'), 'utf8')).toBe('Quarterly report, revised\n');
    expect(readFileSync(join(restoreDir, 'docs', 'notes', 'todo.txt'), 'utf8')).toBe('buy milk\n');
    expect(readFileSync(Buffer.concat([Buffer.from(`${join(restoreDir, 'docs')}/`), LATIN1_NAME]), 'utf8')).toBe(LATIN1_CONTENT);
    expect(existsSync(join(restoreDir, 'docs', 'plan.txt'))).toBe(true);
  });

  await test.step('restoring over existing files asks for overwrite', async () => {
    writeFileSync(join(restoreDir, 'docs', 'report.txt'), 'changed after the restore\n');
    await page.goBack();
    await expect(entryRow(page, 'docs')).toBeVisible();
    await entries(page).getByRole('checkbox', { name: 'Select docs' }).check();
    await page.getByRole('button', { name: 'Restore selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore 1 item' });
    await dialog.getByLabel('Destination directory').fill(restoreDir);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('These already exist at the destination:');
    await expect(dialog.getByRole('alert')).toContainText(join(restoreDir, 'docs'));
    await dialog.getByRole('checkbox', { name: 'Overwrite existing files' }).check();
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    await expect(region(page, 'Result')).toContainText('Restore completed.', { timeout: 60_000 });
    expect(readFileSync(join(restoreDir, 'docs', 'report.txt'), 'utf8')).toBe('Quarterly report, revised\n');
  });

  await test.step('two archives compare: added, removed and modified files', async () => {
    await page.goto(`/repositories/${repositoryId}/archives`);
    await page.getByRole('link', { name: `Compare ${SECOND}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compare archives' })).toBeVisible();
    await expect(page.getByLabel(`Compare ${SECOND} with`)).toHaveValue(FIRST);
    const changes = region(page, `Changes from ${FIRST} to ${SECOND}`);
    const row = (path: string) =>
      changes.getByRole('row').filter({ has: page.getByRole('link', { name: join(source, path), exact: true }) });
    await expect(row('docs/report.txt')).toContainText('modified');
    await expect(row('docs/plan.txt')).toContainText('added, 9 B');
    await expect(row('readme.txt')).toContainText('removed');
    await expect(changes).toContainText('3 changed paths');
    await saveScreenshot(page, 'archive-diff', { fullPage: true });
    // With metadata changes the folders whose times changed come in too.
    await page.getByRole('checkbox', { name: /Content changes only/ }).uncheck();
    await expect(changes.getByRole('cell', { name: join(source, 'docs'), exact: true })).toBeVisible();
    await expect(changes.getByRole('row').filter({ hasText: join(source, 'docs/report.txt') })).toContainText('mtime');
  });

  await test.step('search finds a file in both archives, indexed after their backups, and leads to its folder', async () => {
    await page.goto(`/repositories/${repositoryId}/archives`);
    const search = region(page, 'Search files');
    await search.getByLabel('Name contains').fill('REPORT');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/[?&]q=REPORT/);
    // Each backup's archive was indexed in the background: no archive waits for "Index it now".
    await expect(search.getByRole('status').first()).toContainText('2 matches in 2 indexed archives', { timeout: 30_000 });
    await expect(search).not.toContainText('not indexed yet');
    const hits = search.getByRole('table', { name: 'Search results' }).getByRole('row');
    await expect(hits.nth(1)).toContainText(SECOND);
    await expect(hits.nth(2)).toContainText(FIRST);
    await saveScreenshot(page, 'archive-search', { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const results = search.locator('.archive-search__results');
    expect(await results.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
    await results.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'archive-search-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await hits
      .nth(2)
      .getByRole('link', { name: join(source, 'docs/report.txt') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: FIRST })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Folder' }).locator('[aria-current="page"]')).toHaveText('docs');
    await expect(entryRow(page, 'report.txt')).toContainText('17 B');
  });

  await test.step('while an archive is first indexed its progress shows, then its files', async () => {
    // A small archive is indexed before the server's first answer: its 202 answers are simulated here.
    const indexing = { state: 'building', entries: 1234, expected_entries: 5000, percent: 24, bytes: null, error: null };
    await page.route(
      /\/archives\/e2e-second\/browse/,
      (route) => route.fulfill({ status: 202, json: { status: 'success', data: indexing, message: 'Indexing' } }),
      {
        times: 1,
      },
    );
    let polls = 0;
    await page.route(/\/archives\/e2e-second\/index$/, (route) =>
      ++polls < 3
        ? route.fulfill({
            json: { status: 'success', data: { ...indexing, entries: 1234 + polls * 1000, percent: 24 + polls * 20 }, message: 'ok' },
          })
        : route.fallback(),
    );
    await page.goto(`/repositories/${repositoryId}/archives/${SECOND}`);
    const progress = page.getByRole('progressbar', { name: 'Indexing archive' });
    await expect(progress).toBeVisible();
    await expect(page.getByText('Indexing archive… 2,234 entries')).toBeVisible();
    await saveScreenshot(page, 'archive-indexing');
    // The real index is ready: the listing is asked for again.
    await expect(entries(page)).toBeVisible({ timeout: 15_000 });
    await expect(progress).toBeHidden();
    expect(polls).toBeGreaterThanOrEqual(3);
    await page.unrouteAll();
  });

  await test.step('an archive is deleted after a confirmation', async () => {
    await page.goto(`/repositories/${repositoryId}/archives/${FIRST}`);
    await page.getByRole('link', { name: `← Archives of ${REPOSITORY}` }).click();
    await page.getByRole('button', { name: `Delete ${FIRST}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this archive?' });
    await expect(dialog).toContainText(FIRST);
    await saveScreenshot(page, 'archive-delete-dialog');
    await dialog.getByRole('button', { name: 'Delete archive' }).click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: `The archive ${FIRST} was deleted.` })).toBeVisible();
    await expect(archiveRow(page, FIRST)).toHaveCount(0);
    await expect(archiveRow(page, SECOND)).toBeVisible();
    const list = await page.request.get(`/api/repositories/${repositoryId}/archives`);
    expect(((await list.json()) as { data: { name: string }[] }).data.map((archive) => archive.name)).toEqual([SECOND]);
  });

  await test.step('Compact now gives the space back, as a job', async () => {
    await page.goto(`/repositories/${repositoryId}`);
    await expect(page).toHaveTitle(`${REPOSITORY} · Borgitory`);
    await page.getByRole('group', { name: 'Repository actions' }).getByRole('button', { name: 'Compact now' }).click();
    await expect(page).toHaveURL(/\/jobs\/\d+$/);
    await expect(region(page, 'Result')).toContainText('Compact completed.', { timeout: 60_000 });
    await saveScreenshot(page, 'repository-compact-job', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'repository-compact-job-dark', { fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(region(page, 'Result')).toContainText('Compact completed.');
    await saveScreenshot(page, 'repository-compact-job-narrow', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
