import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { MAX_PAGE_OFFSET } from '../src/platform/http/page-query.dto';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

interface Parameter {
  name: string;
  in: string;
}
type Paths = Record<string, Record<string, { parameters?: Parameter[] }>>;

/** `/api/v1/jobs/{id}/logs` takes a byte offset into one log file, not a page of a list. */
const NOT_A_LIST = new Set(['/api/v1/jobs/{id}/logs']);

/** Every paginated list, read from the committed document: each GET with `?offset=`. */
function paginatedLists(): string[] {
  const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'libs/api-client/openapi.json'), 'utf8')) as { paths: Paths };
  return Object.entries(spec.paths)
    .filter(([path, item]) => item.get?.parameters?.some((p) => p.in === 'query' && p.name === 'offset') && !NOT_A_LIST.has(path))
    .map(([path]) => path);
}

describe('page limits on every paginated list', () => {
  let testApp: TestApp;
  let agent: Agent;
  let ids: Record<string, string>;
  const lists = paginatedLists();

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    const repository = await agent
      .post('/api/repositories')
      .send({ name: 'Paged', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    const schedule = await agent
      .post('/api/schedules')
      .send({ name: 'Nightly', repository_id: repository.body.data.id, cron_expression: '0 2 * * *', source_path: testApp.work })
      .expect(201);
    ids = { '/api/v1/repositories': String(repository.body.data.id), '/api/v1/schedules': String(schedule.body.data.id) };
  });
  afterAll(() => testApp.close());

  /** The list's address with its path parameters filled in: real ids where the test made one, names that do not exist otherwise. */
  function address(path: string, query: string): string {
    const filled = path
      .replace(/^(\/api\/v1\/\w[\w-]*)\/\{id\}/, (_, base: string) => `${base}/${ids[base] ?? '1'}`)
      .replace(/\{\w+\}/g, 'missing');
    return `${filled}?${path === '/api/v1/search' ? 'q=report&' : ''}${query}`;
  }

  it('finds the lists in the document', () => {
    expect(lists).toEqual(
      expect.arrayContaining(['/api/v1/jobs', '/api/v1/repositories', '/api/v1/schedules/{id}/runs', '/api/v1/search']),
    );
    expect(lists.length).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ['offset', '9223372036854775807', `Offset must be at most ${MAX_PAGE_OFFSET}`],
    ['offset', String(MAX_PAGE_OFFSET + 1), `Offset must be at most ${MAX_PAGE_OFFSET}`],
    ['offset', '', 'Offset must be a whole number'],
    ['offset', '-1', 'Offset must be at least 0'],
    ['offset', '1e3', 'Offset must be a whole number'],
    ['limit', '9223372036854775807', 'Limit must be at most'],
    ['limit', '', 'Limit must be a whole number'],
  ])('refuses ?%s=%s with 400 on every list', async (name, value, message) => {
    for (const path of lists) {
      const response = await agent.get(address(path, `${name}=${value}`));
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.error.code).toBe('BAD_REQUEST');
      expect(response.body.error.message).toContain(message);
    }
  });

  it('answers the largest offset with an empty page, never a 500', async () => {
    for (const path of lists) {
      const response = await agent.get(address(path, `offset=${MAX_PAGE_OFFSET}&limit=200`));
      expect({ path, status: response.status }).toEqual({ path, status: path.includes('{archive}') ? 404 : 200 });
      if (response.status === 200 && Array.isArray(response.body.data)) expect(response.body.data).toEqual([]);
    }
  });
});
