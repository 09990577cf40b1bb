import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/app-config';
import { createApp } from '../../src/platform/create-app';

export interface TestApp {
  app: NestExpressApplication;
  dataDir: string;
  /** A scratch directory for the test's own files (sources, repositories); close() removes it. */
  work: string;
  /** A client without cookies. */
  http: () => request.Agent;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Boots the real application on a fresh (or given) data directory. */
export async function startTestApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'borgitory-test-'));
  const config = loadConfig({
    BORGITORY_DATA_DIR: dataDir,
    BORGITORY_WEB_DIR: 'none',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const app = await createApp(config);
  const work = mkdtempSync(join(tmpdir(), 'borgitory-work-'));
  return {
    app,
    dataDir,
    work,
    http: () => request.agent(app.getHttpServer()),
    async close({ keepData = false } = {}) {
      await app.close();
      rmSync(work, { recursive: true, force: true });
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN = { username: 'admin', password: 'correct horse battery staple' };

/** Runs first-run setup and returns an agent holding the session cookie. */
export async function setupAdmin(testApp: TestApp): Promise<request.Agent> {
  const agent = testApp.http();
  await agent.post('/api/auth/setup').send(ADMIN).expect(201);
  return agent;
}
