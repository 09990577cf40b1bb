import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, writeTree } from '@borgitory/borg-runner/testing';
import request from 'supertest';
import { waitForFinish, waitForJob } from './support/job-client';
import { writeManyFiles } from './support/source-tree';
import { ADMIN } from './support/test-app';

const SERVER = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api', 'main.js');

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

/** The real server as its own process (built by `nx build api`, which the integration target depends on). */
async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npx nx build api\` first`);
  const server = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', BORGITORY_DATA_DIR: dataDir, BORGITORY_WEB_DIR: 'none', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill('SIGKILL');
  throw new Error('the server did not start');
}

function exited(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', () => resolve())));
}

describe('a server killed during a backup', () => {
  it('comes back with the job interrupted, no borg left behind, and the next backup works', async () => {
    const work = mkdtempSync(join(tmpdir(), 'borgitory-crash-'));
    const dataDir = join(work, 'data');
    const port = await freePort();
    let server = await startServer(dataDir, port);
    try {
      const agent = request.agent(`http://127.0.0.1:${port}`);
      await agent.post('/api/auth/setup').send(ADMIN).expect(201);
      const repositoryPath = join(work, 'repo');
      const repository = await agent.post('/api/repositories').send({ name: 'Crash', path: repositoryPath, encryption: 'none' }).expect(201);
      const source = writeManyFiles(join(work, 'big'), 20_000);
      const started = await agent.post('/api/backups/manual').send({ repository_id: repository.body.data.id, source_path: source }).expect(201);
      await waitForJob(agent, started.body.data.id, (job) => Number(job.progress?.files ?? 0) > 0);

      server.kill('SIGKILL');
      await exited(server);
      server = await startServer(dataDir, port);

      const job = await waitForFinish(agent, started.body.data.id, 60_000);
      expect(job.status).toBe('interrupted');
      expect(job.error?.message).toMatch(/stopped while this job was running/);
      expect(borgPidsFor(repositoryPath)).toEqual([]);

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
