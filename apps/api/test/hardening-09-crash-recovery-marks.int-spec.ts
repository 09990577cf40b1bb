import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isAlive } from '@borgitory/borg-runner/testing';
import { markOf } from '@borgitory/process-group';
import Database from 'better-sqlite3';
import request from 'supertest';
import { jobProcessMark } from '../src/jobs/engine/process-groups';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { directoryIdentity } from '../src/platform/data-dir/data-directory';
import { waitForFinish } from './support/job-client';
import { signalGroup, waitUntil } from './support/job-executors';
import { exited, spawnServer, startServerProcess } from './support/server-process';
import { writeManyFiles } from './support/source-tree';
import { ADMIN } from './support/test-app';

jest.setTimeout(180_000);

const SIGTERM_BIT = 1n << 14n; // signal 15 in /proc/PID/status's signal masks

/** The process group a job's row records, once the server has written it. */
async function processGroupOf(dataDir: string, jobId: number): Promise<number> {
  let pgid: number | null = null;
  await waitUntil(() => {
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      pgid = (db.prepare('SELECT process_group_id AS pgid FROM jobs WHERE id = ?').get(jobId) as { pgid: number | null }).pgid;
    } finally {
      db.close();
    }
    return pgid !== null;
  }, 30_000);
  return pgid as unknown as number;
}

/** Whether a SIGTERM waits for the (stopped) process. */
function sigtermPending(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return ['SigPnd', 'ShdPnd'].some(
      (field) => (BigInt(`0x${status.match(new RegExp(`^${field}:\\s*(\\w+)`, 'm'))?.[1] ?? '0'}`) & SIGTERM_BIT) !== 0n,
    );
  } catch {
    return false;
  }
}

/** Starts the server on a data directory and waits for it to exit on its own (it must refuse to start). */
function startExpectingRefusal(dataDir: string, port: number): Promise<{ code: number | null; output: string; server: ChildProcess }> {
  let output = '';
  const server = spawnServer(dataDir, port, { onOutput: (text) => (output += text) });
  const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    server.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, server });
    }),
  );
}

async function login(port: number): Promise<request.Agent> {
  const agent = request.agent(`http://127.0.0.1:${port}`);
  await agent.post('/api/auth/login').send(ADMIN).expect(200);
  return agent;
}

describe('item 9: crash recovery ends only the processes this installation started', () => {
  let work: string;
  const servers: ChildProcess[] = [];
  const groups: number[] = [];

  beforeAll(() => (work = mkdtempSync(join(tmpdir(), 'borgitory-marks-'))));
  afterAll(async () => {
    for (const pgid of groups) {
      signalGroup(pgid, 'SIGCONT');
      signalGroup(pgid, 'SIGKILL');
    }
    for (const server of servers) {
      server.kill('SIGTERM');
      await exited(server);
    }
    rmSync(work, { recursive: true, force: true });
  });

  async function start(dataDir: string, port: number): Promise<ChildProcess> {
    const server = await startServerProcess(dataDir, port);
    servers.push(server);
    return server;
  }

  /**
   * A running backup whose borg is stopped (SIGSTOP) as soon as the server has recorded its process group, so that it
   * surely still runs, however fast the machine, while the test goes on.
   */
  async function stoppedBackup(agent: request.Agent, dataDir: string, name: string): Promise<{ jobId: number; pgid: number }> {
    const repository = await agent
      .post('/api/repositories')
      .send({ name, path: join(work, `${name}-repo`), encryption: 'none' })
      .expect(201);
    const source = writeManyFiles(join(work, `${name}-source`), 2_000);
    const started = await agent
      .post('/api/backups/manual')
      .send({ repository_id: repository.body.data.id, source_path: source })
      .expect(201);
    const jobId = started.body.data.id;
    const pgid = await processGroupOf(dataDir, jobId);
    groups.push(pgid);
    signalGroup(pgid, 'SIGSTOP');
    return { jobId, pgid };
  }

  it('a second instance started on a copy of the data directory leaves the first one’s backup alone, and none starts on the same directory', async () => {
    const dataA = join(work, 'a');
    const portA = await freePort();
    const serverA = await start(dataA, portA);
    const agentA = request.agent(`http://127.0.0.1:${portA}`);
    await agentA.post('/api/auth/setup').send(ADMIN).expect(201);
    const backup = await stoppedBackup(agentA, dataA, 'shared');
    // borg carries the mark of this installation and job in its environment.
    expect(markOf(backup.pgid)).toBe(jobProcessMark(directoryIdentity(realpathSync(dataA)), backup.jobId));

    // Someone copies the data directory while the backup runs and starts a second server on the copy.
    const dataB = join(work, 'b');
    execFileSync('cp', ['-a', dataA, dataB]);
    const portB = await freePort();
    await start(dataB, portB);
    expect(directoryIdentity(dataB)).not.toBe(directoryIdentity(dataA));
    const agentB = await login(portB);
    const copied = await waitForFinish(agentB, backup.jobId, 30_000);
    expect(copied.status).toBe('interrupted');
    expect(isAlive(backup.pgid)).toBe(true);
    expect(sigtermPending(backup.pgid)).toBe(false);

    signalGroup(backup.pgid, 'SIGCONT');
    const original = await waitForFinish(agentA, backup.jobId, 120_000);
    expect(original.status).toBe('completed');

    // The same directory cannot serve two servers: the second one says which process holds it and stops.
    const refused = await startExpectingRefusal(dataA, await freePort());
    servers.push(refused.server);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`in use by process ${serverA.pid}`);
    await agentA.get('/api/auth/me').expect(200);
  });

  it('after a crash, ends the orphaned borg of this installation but not an unrelated borg whose pid a running job records', async () => {
    const dataDir = join(work, 'c');
    const port = await freePort();
    const crashed = await start(dataDir, port);
    const agent = request.agent(`http://127.0.0.1:${port}`);
    await agent.post('/api/auth/setup').send(ADMIN).expect(201);
    const orphan = await stoppedBackup(agent, dataDir, 'crash');
    crashed.kill('SIGKILL');
    await exited(crashed);

    // A borg nobody here started (another tool's, or a pid reused after a reboot), recorded by a job that was running.
    const otherRepository = join(work, 'other-repo');
    execFileSync('borg', ['init', '--encryption=none', otherRepository], {
      env: { ...process.env, BORG_BASE_DIR: join(work, 'other-borg') },
    });
    const unrelated = spawn('borg', ['with-lock', otherRepository, 'sleep', '120'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, BORG_BASE_DIR: join(work, 'other-borg') },
    });
    unrelated.unref();
    const unrelatedPgid = unrelated.pid as number;
    groups.push(unrelatedPgid);
    await waitUntil(() => readFileSync(`/proc/${unrelatedPgid}/cmdline`, 'utf8').includes('with-lock'));
    const db = new Database(join(dataDir, DATABASE_FILE));
    const recorded = Number(
      db
        .prepare(
          `INSERT INTO jobs (type, status, repository_id, parameters, "trigger", created_at, started_at, warnings, process_group_id)
           VALUES ('check', 'running', 77, '{}', 'manual', '2026-11-26 19:00:00.000', '2026-11-26 19:00:01.000', '[]', ?)`,
        )
        .run(unrelatedPgid).lastInsertRowid,
    );
    db.prepare(`INSERT INTO job_steps (job_id, position, type, status) VALUES (?, 1, 'check', 'running')`).run(recorded);
    db.close();
    expect(isAlive(orphan.pgid)).toBe(true);

    // The orphan is stopped: it can only go if the server signals it. Let it act on a SIGTERM as soon as one arrives.
    let resumed = false;
    const resume = setInterval(() => {
      if (!resumed && sigtermPending(orphan.pgid)) {
        resumed = true;
        signalGroup(orphan.pgid, 'SIGCONT');
      }
    }, 20);
    try {
      await start(dataDir, port);
    } finally {
      clearInterval(resume);
    }
    const restarted = await login(port);
    for (const id of [orphan.jobId, recorded]) expect((await waitForFinish(restarted, id)).status).toBe('interrupted');
    await waitUntil(() => !isAlive(orphan.pgid), 15_000);
    expect(isAlive(unrelatedPgid)).toBe(true);
  });
});
