import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints `code` with the real ESLint config found from `cwd` as if it were the
 * file at `path`, and returns the complaints of `rule`. (The CLI, because
 * ESLint loads its flat config with a dynamic import that jest cannot run.)
 */
async function lintErrors(cwd: string, rule: string, path: string, code: string): Promise<string[]> {
  const eslint = spawnSync(join(root, 'node_modules', '.bin', 'eslint'), ['--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (eslint.status === 2 || !eslint.stdout) throw new Error(`eslint failed: ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as { messages: LintMessage[] }[];
  return result.messages.filter((message) => message.ruleId === rule).map((message) => message.message);
}

/** The workspace's module-boundary complaints, with the root config. */
function boundaryErrors(path: string, code: string): Promise<string[]> {
  return lintErrors(root, '@nx/enforce-module-boundaries', path, code);
}

/** The web app's complaints about imports between page folders, with apps/web's config (`path` relative to apps/web). */
function pageImportErrors(path: string, code: string): Promise<string[]> {
  return lintErrors(join(root, 'apps', 'web'), 'import/no-restricted-paths', path, code);
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

describe('web page folders (apps/web/src/pages/<feature>: one feature each; app/ declares the routes)', () => {
  it('forbids a page folder from importing another one', async () => {
    const errors = await pageImportErrors(
      'src/pages/jobs/boundary-probe.ts',
      "import { SchedulesPage } from '../schedules/schedule/schedules-page';\nexport const probe = SchedulesPage;\n",
    );
    expect(errors).toEqual([expect.stringContaining('A page folder may not import another one.')]);
  });

  it('counts a page at the top of pages/ as a feature of its own', async () => {
    const errors = await pageImportErrors(
      'src/pages/login-page.tsx',
      "import { JobsPage } from './jobs/jobs-page';\nexport const probe = JobsPage;\n",
    );
    expect(errors).toEqual([expect.stringContaining('A page folder may not import another one.')]);
  });

  it('forbids shared code from importing a page', async () => {
    const errors = await pageImportErrors(
      'src/components/boundary-probe.ts',
      "import { JobsPage } from '../pages/jobs/jobs-page';\nexport const probe = JobsPage;\n",
    );
    expect(errors).toEqual([expect.stringContaining('Shared code may not import a page.')]);
  });

  it('lets a page folder use its own subfolders and the shared pieces', async () => {
    const errors = await pageImportErrors(
      'src/pages/schedules/checks/boundary-probe.ts',
      [
        "import { SchedulesPage } from '../schedule/schedules-page';",
        "import { jobSummary } from '../../../components/jobs/job-summary';",
        "import { formErrors } from '../../../forms/form-errors';",
        'export const probe = [SchedulesPage, jobSummary, formErrors];',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('lets app/ import the pages of its routes', async () => {
    const errors = await pageImportErrors(
      'src/app/boundary-probe.ts',
      "import { JobsPage } from '../pages/jobs/jobs-page';\nexport const probe = JobsPage;\n",
    );
    expect(errors).toEqual([]);
  });
});
