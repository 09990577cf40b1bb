import { execFileSync } from 'node:child_process';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { logIn } from './session';

/**
 * The specs' `test`: each test starts logged in, and ends with cleanUp, so
 * that the next spec finds the server as it expects it.
 */
export const test = base.extend<{ session: void }>({
  session: [
    async ({ page }, use) => {
      await logIn(page);
      await use();
      await cleanUp(page);
    },
    { auto: true },
  ],
});

export { expect };

/** A form control by its exact label. */
export const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

/**
 * Turns a checkbox of a filter on or off. A filter's checkbox shows the address, which the page follows a render
 * later (a deferred value): Playwright's check() would find it unchanged right after its click.
 */
export async function toggle(checkbox: Locator, on: boolean) {
  await checkbox.click();
  await expect(checkbox).toBeChecked({ checked: on });
}

/** A region (a panel with a heading) by its exact name. */
export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The table row whose row header is exactly `name`. */
export const rowNamed = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** An archive to write with the borg command line, made at noon UTC of `day` (so every time zone sees that date). */
export interface DatedArchive {
  name: string;
  /** YYYY-MM-DD */
  day: string;
}

// The repositories made by createRepository since the last cleanUp.
const createdRepositories: number[] = [];

/** An unencrypted repository made through the API; cleanUp removes it (the data stays at `path`). */
export async function createRepository(page: Page, name: string, path: string): Promise<number> {
  const response = await page.request.post('/api/repositories', { data: { name, path, encryption: 'none' } });
  expect(response.status(), await response.text()).toBe(201);
  const { data } = (await response.json()) as { data: { id: number } };
  createdRepositories.push(data.id);
  return data.id;
}

/**
 * Writes archives of `source` into the repository with the borg command line
 * (its cache and security files under `borgBaseDir`), then has the server read
 * the archive list again and checks that it sees them all.
 */
export async function writeArchives(
  page: Page,
  repository: { id: number; path: string },
  source: string,
  archives: DatedArchive[],
  borgBaseDir: string,
) {
  const env = {
    ...process.env,
    BORG_BASE_DIR: borgBaseDir,
    BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'yes',
    BORG_SELFTEST: 'disabled',
    BORG_FUSE_IMPL: 'none',
  };
  for (const archive of archives) {
    execFileSync('borg', ['create', '--timestamp', `${archive.day}T12:00:00`, `${repository.path}::${archive.name}`, source], {
      env,
      stdio: 'pipe',
    });
  }
  const refreshed = await page.request.get(`/api/repositories/${repository.id}/archives?refresh=true&limit=100`);
  expect(((await refreshed.json()) as { meta: { total: number } }).meta.total).toBe(archives.length);
}

/** The names of the repository's archives as the server lists them, sorted. */
export async function archiveNames(page: Page, repositoryId: number): Promise<string[]> {
  const response = await page.request.get(`/api/repositories/${repositoryId}/archives?limit=100`);
  return ((await response.json()) as { data: { name: string }[] }).data.map((archive) => archive.name).sort();
}

export async function jobStatus(page: Page, id: number): Promise<string> {
  const response = await page.request.get(`/api/jobs/${id}`);
  return ((await response.json()) as { data: { status: string } }).data.status;
}

/**
 * Leaves the server as the other specs expect it: no job queued or running,
 * no schedule, none of the repositories createRepository made, no policy, no
 * cloud sync configuration, no notification channel and no host.
 */
export async function cleanUp(page: Page) {
  for (const status of ['queued', 'running']) {
    const active = await page.request.get(`/api/jobs?status=${status}&limit=200`);
    for (const job of ((await active.json()) as { data: { id: number }[] }).data) {
      await page.request.post(`/api/jobs/${job.id}/cancel`);
    }
  }
  // Schedules first: they hold their repository, policies and cloud sync configuration.
  await deleteAll(page, 'schedules');
  for (const id of createdRepositories.splice(0)) {
    const response = await page.request.delete(`/api/repositories/${id}`);
    expect(response.ok(), await response.text()).toBe(true);
  }
  await deleteAll(page, 'pruning-policies');
  await deleteAll(page, 'check-policies');
  await deleteAll(page, 'cloud-sync/configs');
  await deleteAll(page, 'notifications/channels');
  await deleteAll(page, 'hosts');
}

async function deleteAll(
  page: Page,
  collection: 'schedules' | 'pruning-policies' | 'check-policies' | 'cloud-sync/configs' | 'notifications/channels' | 'hosts',
) {
  const list = await page.request.get(`/api/${collection}?limit=200`);
  for (const item of ((await list.json()) as { data: { id: number }[] }).data) {
    const response = await page.request.delete(`/api/${collection}/${item.id}`);
    expect(response.ok(), await response.text()).toBe(true);
  }
}
