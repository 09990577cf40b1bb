import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Each check builds the document and the client in a process of its own: slow on a busy machine.
jest.setTimeout(150_000);

const root = join(__dirname, '..', '..', '..');
const SPEC_FILE = 'libs/api-client/openapi.json';
const GRAPHQL_SCHEMA_FILE = 'libs/api-client/schema.graphql';

/** openapi-typescript loads ESM-only modules that jest cannot, so the check runs in a plain Node process. */
async function checkContract(againstRoot: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        'tsconfig-paths/register',
        'apps/api/scripts/write-api-contract.ts',
        '--check',
        '--root',
        againstRoot,
      ],
      { cwd: root, env: { ...process.env, TS_NODE_PROJECT: 'apps/api/tsconfig.scripts.json', TS_NODE_TRANSPILE_ONLY: 'false' } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the committed API contract', () => {
  it('matches what the code produces (spec, generated client, GraphQL schema)', async () => {
    const result = await checkContract(root);
    expect(result.output).toContain('The committed API contract is current');
    expect(result.code).toBe(0);
  });

  it('is reported stale when the committed spec differs', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'borgitory-contract-'));
    try {
      cpSync(join(root, 'libs/api-client'), join(copy, 'libs/api-client'), { recursive: true });
      const spec = JSON.parse(readFileSync(join(copy, SPEC_FILE), 'utf8'));
      spec.info.version = '0.0.0-stale';
      writeFileSync(join(copy, SPEC_FILE), JSON.stringify(spec, null, 2) + '\n');
      const result = await checkContract(copy);
      expect(result.code).toBe(1);
      expect(result.output).toContain(`${SPEC_FILE} is stale`);
      expect(result.output).not.toContain('generated/schema.ts is stale');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('is reported stale when the committed GraphQL schema differs', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'borgitory-contract-'));
    try {
      cpSync(join(root, 'libs/api-client'), join(copy, 'libs/api-client'), { recursive: true });
      const schema = readFileSync(join(copy, GRAPHQL_SCHEMA_FILE), 'utf8');
      expect(schema).toContain('type Query {');
      writeFileSync(join(copy, GRAPHQL_SCHEMA_FILE), schema.replace('type Query {', 'type Query {\n  removedSinceCommit: Int'));
      const result = await checkContract(copy);
      expect(result.code).toBe(1);
      expect(result.output).toContain(`${GRAPHQL_SCHEMA_FILE} is stale`);
      expect(result.output).not.toContain(`${SPEC_FILE} is stale`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('has readable, unique operation ids', () => {
    const spec = JSON.parse(readFileSync(join(root, SPEC_FILE), 'utf8'));
    const ids = Object.values(spec.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((operation) => operation.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]+$/);
  });
});
