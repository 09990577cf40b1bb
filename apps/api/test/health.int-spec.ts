import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from './support/test-app';

describe('GET /api/health', () => {
  it('is public and reports the database and the real borg, rclone and apprise binaries', async () => {
    const testApp = await startTestApp();
    try {
      const response = await testApp.http().get('/api/health').expect(200);
      expect(response.body).toEqual({
        status: 'success',
        message: expect.any(String),
        data: {
          status: 'ok',
          version: expect.any(String),
          database: { ok: true },
          borg: { ok: true, version: expect.stringMatching(/^1\.\d+\.\d+/) },
          rclone: { ok: true, version: expect.stringMatching(/^1\.\d+\.\d+/) },
          apprise: { ok: true, version: expect.stringMatching(/^1\.\d+\.\d+/) },
        },
      });
    } finally {
      await testApp.close();
    }
  });

  it('answers 503 and says why when borg is unusable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borgitory-broken-borg-'));
    const brokenBorg = join(dir, 'borg');
    writeFileSync(brokenBorg, '#!/bin/sh\necho "cannot import msgpack" >&2\nexit 2\n');
    chmodSync(brokenBorg, 0o755);
    const testApp = await startTestApp({ env: { BORG_BIN: brokenBorg } });
    try {
      const response = await testApp.http().get('/api/health').expect(503);
      expect(response.body.error.details.borg).toEqual({ ok: false, error: expect.stringContaining('failed') });
      expect(response.body.error.details.database).toEqual({ ok: true });
    } finally {
      await testApp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays healthy without rclone or apprise, and says they are missing', async () => {
    const testApp = await startTestApp({ env: { RCLONE_BIN: '/nonexistent/rclone', APPRISE_BIN: '/nonexistent/apprise' } });
    try {
      const response = await testApp.http().get('/api/health').expect(200);
      expect(response.body.data).toMatchObject({
        status: 'ok',
        rclone: { ok: false, error: expect.stringContaining('rclone') },
        apprise: { ok: false, error: expect.stringContaining('apprise is not installed') },
      });
    } finally {
      await testApp.close();
    }
  });
});
