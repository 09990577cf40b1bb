import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';

/**
 * The browser tests run against the real API serving the built SPA
 * (`nx e2e web-e2e` builds `api` and `web` first), with a fresh, empty data
 * directory so that the first-run setup is what the browser meets.
 */
const PORT = Number(process.env.E2E_PORT ?? 8765);
const baseURL = `http://127.0.0.1:${PORT}`;
/** A real OpenID provider beside the server, for single sign-on (single-sign-on.spec.ts). */
const OIDC_PORT = PORT + 1;
export const OIDC = {
  issuer: `http://127.0.0.1:${OIDC_PORT}`,
  clientId: 'borgitory-e2e',
  clientSecret: 'e2e-client-secret-0123456789abcdef',
  accounts: { olivia: { groups: ['borg-ops'] }, mallory: { groups: ['visitors'] } },
};
const workspaceRoot = resolve(import.meta.dirname, '../..');

// The first process that evaluates this file on the way to the server (Nx, or
// the runner) makes the directory and removes it when it exits; the processes
// it starts (the runner, its worker) inherit it through the environment, so a
// spec can reach the server's database (E2E_DATA_DIR).
const inheritedDataDir = process.env.E2E_DATA_DIR;
const dataDir = inheritedDataDir ?? mkdtempSync(join(tmpdir(), 'borgitory-e2e-'));
if (!inheritedDataDir) {
  process.env.E2E_DATA_DIR = dataDir;
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  ...nxE2EPreset(import.meta.dirname, { testDir: './src' }),
  outputDir: './test-output/results',
  reporter: 'list',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  use: {
    baseURL,
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: chromiumLaunch,
  },
  webServer: [
    {
      command: 'node apps/api/test/support/oidc-test-provider.mjs',
      cwd: workspaceRoot,
      url: `${OIDC.issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(OIDC_PORT),
        CLIENT_ID: OIDC.clientId,
        CLIENT_SECRET: OIDC.clientSecret,
        REDIRECT_URI: `${baseURL}/api/auth/oidc/callback`,
        ACCOUNTS: JSON.stringify(OIDC.accounts),
      },
    },
    {
      command: 'node dist/apps/api/main.js',
      cwd: workspaceRoot,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        BORGITORY_DATA_DIR: dataDir,
        BORGITORY_WEB_DIR: 'dist/apps/web',
        LOG_LEVEL: 'warn',
        BORGITORY_PUBLIC_URL: baseURL,
        BORGITORY_OIDC_ISSUER: OIDC.issuer,
        BORGITORY_OIDC_CLIENT_ID: OIDC.clientId,
        BORGITORY_OIDC_CLIENT_SECRET: OIDC.clientSecret,
        BORGITORY_OIDC_NAME: 'Test IdP',
        BORGITORY_OIDC_SCOPES: 'openid profile',
        BORGITORY_OIDC_OPERATOR_VALUES: 'borg-ops',
      },
    },
  ],
  // auth.spec.ts meets the first-run setup, so it must run before any spec that logs in (which would do the
  // setup itself); the files would otherwise run in alphabetical order, archives.spec.ts first. Before it,
  // setup-host.spec.ts reaches the unclaimed server through a host name that chromium resolves to it.
  projects: [
    {
      name: 'unclaimed',
      testMatch: 'setup-host.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: { ...chromiumLaunch, args: [...chromiumLaunch.args, '--host-resolver-rules=MAP nas.borgitory.test 127.0.0.1'] },
      },
    },
    {
      name: 'first-run',
      testMatch: 'auth.spec.ts',
      dependencies: ['unclaimed'],
      use: { browserName: 'chromium' },
    },
    {
      name: 'chromium',
      testIgnore: ['setup-host.spec.ts', 'auth.spec.ts'],
      dependencies: ['first-run'],
      use: { browserName: 'chromium' },
    },
  ],
});
