import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request, { type Agent } from 'supertest';
import { markOf } from '@borgitory/process-group';
import { freePort } from '@borgitory/borg-runner/testing';
import { canRunHostSshd, HOST_SSHD_SKIP_REASON, startHostSshd, TestHost } from '@borgitory/ssh-runner/testing';
import { jobProcessMark } from '../src/jobs/engine/process-groups';
import { directoryIdentity } from '../src/platform/data-dir/data-directory';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { waitForFinish, waitForJob } from './support/job-client';
import { waitUntil } from './support/job-executors';
import { exited, startServerProcess } from './support/server-process';
import { writeManyFiles } from './support/source-tree';
import { ADMIN } from './support/test-app';
import { addPulledHost } from './support/pulled-host';

jest.setTimeout(240_000);

const describeWithHost = canRunHostSshd() ? describe : describe.skip;
if (!canRunHostSshd()) process.stdout.write(`hosts-pull-recovery.int-spec skipped: ${HOST_SSHD_SKIP_REASON}\n`);

const PASSPHRASE = 'pull-recovery passphrase 4be1';
/** Enough for the host's borg to still be reading files when the server is killed. */
const FILE_COUNT = 10_000;

interface ProcessInfo {
  pid: number;
  uid: number;
  argv: string;
  mark: string | null;
}

/** Every live process with its owner, command line and job mark. */
function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      if (state === 'Z') continue;
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      found.push({ pid: Number(pid), uid: statSync(`/proc/${pid}`).uid, argv, mark: markOf(Number(pid)) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The process group the job's row records. */
function recordedProcessGroup(dataDir: string, jobId: number): number | null {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT process_group_id AS pgid FROM jobs WHERE id = ?').get(jobId) as { pgid: number | null }).pgid;
  } finally {
    db.close();
  }
}

describeWithHost('a backup of a host when the server is killed, retried, and with a file the host user cannot read', () => {
  let work: string;
  let dataDir: string;
  let port: number;
  let server: ChildProcess;
  let agent: Agent;
  let host: TestHost;
  let hostUid: number;
  let hostId: number;
  let repositoryId: number;
  let repositoryPath: string;
  let interruptedId: number;

  /**
   * What a job of a host leaves on either side: the host user's processes, borg serve of this repository, ssh -R to
   * this host, and processes carrying the job's mark. Only this suite's: other suites run their own servers alongside.
   */
  const leftOf = (jobId: number) => {
    const all = processes();
    const mark = jobProcessMark(directoryIdentity(realpathSync(dataDir)), jobId);
    return {
      host: all.filter((found) => found.uid === hostUid),
      serve: all.filter((found) => found.argv.includes('serve') && found.argv.includes(repositoryPath)),
      tunnel: all.filter(
        (found) =>
          /^(\S*\/)?ssh /.test(found.argv) && found.argv.includes(' -R /tmp/borgitory-') && found.argv.includes(` -p ${host.port} `),
      ),
      marked: all.filter((found) => found.mark === mark),
    };
  };
  const nothingLeft = (left: ReturnType<typeof leftOf>) => Object.values(left).every((found) => found.length === 0);
  const backUp = (source: string) =>
    agent
      .post('/api/v1/backups/manual')
      .send({ repository_id: repositoryId, host_id: hostId, source_path: source })
      .expect(201)
      .then((response) => response.body.data.id as number);
  const lockFiles = () => readdirSync(repositoryPath).filter((name) => name.startsWith('lock'));

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'borgitory-pull-recovery-'));
    dataDir = join(work, 'data');
    [host, port] = await Promise.all([startHostSshd(), freePort()]);
    hostUid = statSync(host.home).uid;
    server = await startServerProcess(dataDir, port);
    agent = request.agent(`http://127.0.0.1:${port}`);
    await agent.post('/api/v1/auth/setup').send(ADMIN).expect(201);
    repositoryPath = join(work, 'pulled');
    ({ repositoryId, hostId } = await addPulledHost(agent, host, { hostName: 'nas', repositoryPath, passphrase: PASSPHRASE }));
  });
  afterAll(async () => {
    if (server) {
      server.kill('SIGTERM');
      await exited(server);
    }
    await host?.stop();
    for (const found of processes().filter((candidate) => repositoryPath && candidate.argv.includes(repositoryPath))) {
      try {
        process.kill(found.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('comes back after a SIGKILL with the job interrupted and nothing of it left on either side or in the repository', async () => {
    const source = writeManyFiles(join(host.home, 'many'), FILE_COUNT);
    execFileSync('chown', ['-R', `${host.user}:`, source]);
    interruptedId = await backUp(source);
    await waitForJob(agent, interruptedId, (job) => job.status === 'running' && Number(job.progress?.['original_size'] ?? 0) > 0);

    // The backup is under way on both sides: borg and socat of the host user, borg serve here, the tunnel between.
    const during = leftOf(interruptedId);
    expect(during.host.some((found) => /\bborg\b/.test(found.argv))).toBe(true);
    expect(during.host.some((found) => /\bsocat\b/.test(found.argv))).toBe(true);
    expect(during.serve.length).toBeGreaterThan(0);
    expect(during.tunnel.length).toBeGreaterThan(0);
    // The group the job records is the tunnel's, and it carries the job's mark: what recovery checks and ends.
    expect(during.tunnel.map((found) => found.pid)).toContain(recordedProcessGroup(dataDir, interruptedId));
    const jobMark = jobProcessMark(directoryIdentity(realpathSync(dataDir)), interruptedId);
    expect(during.tunnel.every((found) => found.mark === jobMark)).toBe(true);
    server.kill('SIGKILL');
    await exited(server);
    server = await startServerProcess(dataDir, port);

    const job = await waitForFinish(agent, interruptedId, 30_000);
    expect(job.status).toBe('interrupted');
    expect(job.error).toMatchObject({ code: 'JOB_INTERRUPTED', message: expect.stringMatching(/stopped while this job was running/) });
    await waitUntil(() => nothingLeft(leftOf(interruptedId)), 10_000).catch(() => {
      throw new Error(`left running: ${JSON.stringify(leftOf(interruptedId))}`);
    });
    expect(lockFiles()).toEqual([]);
  });

  it('retries the interrupted job: it runs on the host again and completes', async () => {
    const retried = await agent.post(`/api/v1/jobs/${interruptedId}/retry`).expect(201);
    expect(retried.body.data).toMatchObject({ retry_of_id: interruptedId, parameters: expect.objectContaining({ host_id: hostId }) });
    const job = await waitForFinish(agent, retried.body.data.id, 180_000);
    expect(job).toMatchObject({ status: 'completed', error: null, warnings: [] });
    expect(job.result).toMatchObject({ files: FILE_COUNT });
    const log = (await agent.get(`/api/v1/jobs/${job.id}/logs`).expect(200)).text;
    expect(log).toContain('Running on host nas (pull mode, borg serve here)');
    await waitUntil(() => nothingLeft(leftOf(job.id)), 10_000).catch(() => {
      throw new Error(`left running: ${JSON.stringify(leftOf(job.id))}`);
    });
  });

  it("ends with a warning naming a file the host's user cannot read, as a local backup does", async () => {
    const source = join(host.home, 'mixed');
    await host.runAs(['mkdir', '-p', source]);
    await host.runAs(['sh', '-c', `printf 'readable\\n' > "${source}/fine.txt"`]);
    const secret = join(source, 'root-only.txt');
    writeFileSync(secret, 'not for the host user\n');
    chmodSync(secret, 0o000);

    const job = await waitForFinish(agent, await backUp(source), 120_000);
    expect(job.status).toBe('warning');
    expect(job.warnings).toEqual([expect.stringContaining(`${secret}: `)]);
    expect(job.warnings[0]).toMatch(/Permission denied/);
    expect(job.result).toMatchObject({ files: 1 });
  });
});
