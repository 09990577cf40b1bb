import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const RULE = '@nx/enforce-module-boundaries';

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints `code` with the workspace's real ESLint config as if it were the file
 * at `path`, and returns the module-boundary complaints. (The CLI, because
 * ESLint loads its flat config with a dynamic import that jest cannot run.)
 */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const eslint = spawnSync(join(root, 'node_modules', '.bin', 'eslint'), ['--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (eslint.status === 2 || !eslint.stdout) throw new Error(`eslint failed: ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as { messages: LintMessage[] }[];
  return result.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe('module boundaries (apps/api and libs/*-runner: scope:api; apps/web: scope:web; apps/web-e2e: scope:e2e; libs/api-client: scope:shared)', () => {
  it('forbids the web app from importing API code', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/boundary-probe.ts',
      "import { AppModule } from '../../api/src/app.module';\nexport const probe = AppModule;\n",
    );
    expect(errors).not.toEqual([]);
  });

  it('forbids the web app from importing an API-side library by its alias (tag rule)', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/boundary-probe.ts',
      "import { readBorgVersion } from '@borgitory/borg-runner';\nexport const probe = readBorgVersion;\n",
    );
    expect(errors).toEqual([expect.stringContaining('tagged with "scope:web" can only depend on libs tagged with')]);
  });

  it('forbids a shared library from importing an API-side library (tag rule)', async () => {
    const errors = await boundaryErrors(
      'libs/api-client/src/boundary-probe.ts',
      "import { readBorgVersion } from '@borgitory/borg-runner';\nexport const probe = readBorgVersion;\n",
    );
    expect(errors).toEqual([expect.stringContaining('tagged with "scope:shared" can only depend on libs tagged with')]);
  });

  it('forbids a shared library from importing an app', async () => {
    const errors = await boundaryErrors(
      'libs/borg-runner/src/boundary-probe.ts',
      "import { createApp } from '../../../apps/api/src/platform/create-app';\nexport const probe = createApp;\n",
    );
    expect(errors).not.toEqual([]);
  });

  it('lets the web app use the shared api-client', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/boundary-probe.ts',
      "import { createApiClient } from '@borgitory/api-client';\nexport const probe = createApiClient;\n",
    );
    expect(errors).toEqual([]);
  });

  it('lets the API use its borg-runner library', async () => {
    const errors = await boundaryErrors(
      'apps/api/src/boundary-probe.ts',
      "import { readBorgVersion } from '@borgitory/borg-runner';\nexport const probe = readBorgVersion;\n",
    );
    expect(errors).toEqual([]);
  });

  it('lets the browser tests start the test servers of an API-side library', async () => {
    const errors = await boundaryErrors(
      'apps/web-e2e/src/boundary-probe.ts',
      "import { startSftpServer } from '@borgitory/rclone-runner/testing';\nexport const probe = startSftpServer;\n",
    );
    expect(errors).toEqual([]);
  });
});
