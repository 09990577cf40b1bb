import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { watchCspViolations } from './csp';
import { createRepository, expect, test } from './fixtures';
import { saveScreenshot } from './screenshots';

let workDir: string;

test.beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'borgitory-e2e-graphql-'));
});

test.afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

test('a signed-in user opens the GraphQL explorer, runs a query and sees the result', async ({ page }) => {
  const violations = await watchCspViolations(page);
  await createRepository(page, 'GraphQL photos', join(workDir, 'photos-repo'));

  await page.goto('/');
  await page.getByRole('link', { name: 'GraphQL explorer' }).click();
  await expect(page).toHaveURL('/graphql');
  await expect(page).toHaveTitle('GraphQL · Borgitory');
  await expect(page.getByLabel('Query or mutation')).toHaveValue(/repositories \{/);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('status')).toContainText('HTTP 200');
  await expect(result).toContainText('"name": "GraphQL photos"');
  await expect(result).toContainText('"totalCount": 0');

  const schema = page.getByRole('region', { name: 'Schema' });
  await expect(schema.getByLabel('Type', { exact: true })).toHaveValue('Query');
  await expect(schema).toContainText('repositories(first: Int!): [Repository!]!');
  await schema.getByRole('button', { name: 'Repository', exact: true }).first().click();
  await expect(schema.getByLabel('Type', { exact: true })).toHaveValue('Repository');
  await expect(schema).toContainText('latestJob: Job');
  await saveScreenshot(page, 'graphql-explorer', { fullPage: true });

  await test.step('a mutation with variables, and the error it meets', async () => {
    await page.getByLabel('Query or mutation').fill('mutation($id: Int!) { cancelJob(id: $id) { id } }');
    await page.getByLabel('Variables (JSON)').fill('{ "id": 999999 }');
    await page.getByLabel('Variables (JSON)').press('Control+Enter');
    await expect(result).toContainText('"code": "NOT_FOUND"');
    await expect(result.getByRole('status')).toContainText('1 error');
  });

  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'graphql-explorer-dark', { fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(result).toContainText('NOT_FOUND');
  await saveScreenshot(page, 'graphql-explorer-390', { fullPage: true });
  expect(violations).toEqual([]);
});

base('someone not signed in gets the sign-in page at /graphql, and 401 from the endpoint', async ({ page }) => {
  await page.goto('/graphql');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByLabel('Query or mutation')).toHaveCount(0);
  const answer = await page.request.post('/api/v1/graphql', { data: { query: '{ repositories { name } }' } });
  expect(answer.status()).toBe(401);
  expect((await answer.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});
