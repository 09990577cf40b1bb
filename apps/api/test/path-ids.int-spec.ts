import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { MAX_ID } from '../src/platform/http/id.pipe';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

type Method = 'get' | 'put' | 'post' | 'delete';

interface Operation {
  parameters?: Array<{ name: string; in: string; schema: { type: string } }>;
}

/** Every operation of the committed document with a numeric id in its path (a session's id is a text handle). */
function operationsWithIds(): Array<{ method: Method; path: string }> {
  const spec = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'libs/api-client/openapi.json'), 'utf8')) as {
    paths: Record<string, Partial<Record<Method, Operation>>>;
  };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    (['get', 'put', 'post', 'delete'] as const)
      .filter((method) => item[method]?.parameters?.some((p) => p.in === 'path' && p.name === 'id' && p.schema.type === 'integer'))
      .map((method) => ({ method, path })),
  );
}

describe('ids in the path', () => {
  let testApp: TestApp;
  let admin: Agent;
  const operations = operationsWithIds();

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('are documented as whole numbers from 1', () => {
    const spec = readFileSync(join(__dirname, '..', '..', '..', 'libs/api-client/openapi.json'), 'utf8');
    expect(operations.length).toBeGreaterThan(40);
    expect(spec).not.toMatch(/"in": "path",\s*"schema": \{\s*"type": "number"/);
  });

  it.each(['0', '-1', 'abc', '1.5', '1e3', String(MAX_ID + 1)])('refuse %s with 400 the same way on every operation', async (id) => {
    for (const { method, path } of operations) {
      const response = await admin[method](path.replace('{id}', id).replace(/\{\w+\}/g, 'x')).send({});
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 400 });
      expect(response.body.error).toEqual({
        code: 'BAD_REQUEST',
        message: `Id must be a whole number from 1 to ${MAX_ID}`,
        details: { id: [`Id must be a whole number from 1 to ${MAX_ID}`] },
      });
    }
  });
});
