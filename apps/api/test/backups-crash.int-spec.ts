import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, writeTree } from '@borgitory/borg-runner/testing';
import request from 'supertest';
import { waitForFinish, waitForJob } from './support/job-client';
import { exited, startServerProcess } from './support/server-process';
import { writeManyFiles } from './support/source-tree';
import { ADMIN } from './support/test-app';

function borgPidsFor(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
        return cmdline.includes('borg') && cmdline.includes(needle) && state !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('a server killed during a backup', () => {
  it('comes back with the job interrupted, no borg left behind, and the next backup works', async () => {
    const work = mkdtempSync(join(tmpdir(), 'borgitory-crash-'));
    const dataDir = join(work, 'data');
    const port = await freePort();
    let server = await startServerProcess(dataDir, port);
    try {
      const agent = request.agent(`http://127.0.0.1:${port}`);
      await agent.post('/api/auth/setup').send(ADMIN).expect(201);
      const repositoryPath = join(work, 'repo');
      const repository = await agent
        .post('/api/repositories')
        .send({ name: 'Crash', path: repositoryPath, encryption: 'none' })
        .expect(201);
      const source = writeManyFiles(join(work, 'big'), 20_000);
      const started = await agent
        .post('/api/backups/manual')
        .send({ repository_id: repository.body.data.id, source_path: source })
        .expect(201);
      await waitForJob(agent, started.body.data.id, (job) => Number(job.progress?.files ?? 0) > 0);

      const backupBorg = borgPidsFor(repositoryPath);
      expect(backupBorg.length).toBeGreaterThan(0);
      server.kill('SIGKILL');
      await exited(server);
      server = await startServerProcess(dataDir, port);

      const job = await waitForFinish(agent, started.body.data.id, 60_000);
      expect(job.status).toBe('interrupted');
      expect(job.error?.message).toMatch(/stopped while this job was running/);
      // The borg of the backup is gone (the monitor may have started a borg list of its own meanwhile).
      expect(borgPidsFor(repositoryPath).filter((pid) => backupBorg.includes(pid))).toEqual([]);

      const small = writeTree(join(work, 'small'), { 'after.txt': 'after the crash' });
      const next = await agent.post('/api/backups/manual').send({ repository_id: repository.body.data.id, source_path: small }).expect(201);
      expect((await waitForFinish(agent, next.body.data.id, 60_000)).status).toBe('completed');
    } finally {
      server.kill('SIGTERM');
      await exited(server);
      for (const pid of borgPidsFor(work)) process.kill(pid, 'SIGKILL');
      rmSync(work, { recursive: true, force: true });
    }
  });
});
