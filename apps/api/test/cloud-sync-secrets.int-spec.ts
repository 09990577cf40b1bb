import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startSshd, type TestSshd } from '@borgitory/borg-runner/testing';
import { startS3Server, startWebdavServer, type TestS3Server, type TestWebdavServer } from '@borgitory/rclone-runner/testing';
import request, { type Agent, type Response } from 'supertest';
import { borgCli } from './support/borg-cli';
import { waitForFinish } from './support/job-client';
import { exited, startServerProcess } from './support/server-process';
import { ADMIN } from './support/test-app';

jest.setTimeout(180_000);

const PASSPHRASE = 'repository-passphrase-canary-51c2';
const S3_SECRET = 's3-secret-key-canary-7d0e';

interface ProcessWatch {
  /** Command lines that held a secret. */
  leaks: string[];
  /** rclone children seen with a remote defined in their environment. */
  rcloneWithRemote: number;
  /** Values of RCLONE_CONFIG_TARGET_* secret options (rclone's obscured passwords) seen in rclone's environment. */
  environSecrets: Set<string>;
}

const SECRET_OPTION = /^RCLONE_CONFIG_TARGET_(PASS|KEY_PEM|SECRET_ACCESS_KEY)=(.*)$/;

/** Reads every process's command line (and the environment of the server's rclone children) every 20 ms until stopped. */
function watchProcesses(secrets: string[], serverPid: number): { stop: () => ProcessWatch } {
  const seen: ProcessWatch = { leaks: [], rcloneWithRemote: 0, environSecrets: new Set() };
  const rclonePids = new Set<string>();
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (secrets.some((secret) => argv.some((arg) => arg.includes(secret)))) seen.leaks.push(argv.join(' '));
        if (!argv[0].endsWith('rclone') || rclonePids.has(pid) || parentPid(pid) !== serverPid) continue;
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        if (!environ.some((entry) => entry.startsWith('RCLONE_CONFIG_TARGET_TYPE='))) continue;
        rclonePids.add(pid);
        seen.rcloneWithRemote++;
        for (const entry of environ) {
          const secret = SECRET_OPTION.exec(entry);
          if (secret) seen.environSecrets.add(secret[2]);
        }
      } catch {
        // the process ended while we looked
      }
    }
  }, 20);
  return { stop: () => (clearInterval(timer), seen) };
}

function parentPid(pid: string): number {
  // "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Every file below dir, as text. */
function filesBelow(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'latin1') }));
}

/**
 * The credentials of cloud sync configurations (an S3 secret key, a WebDAV password, an SSH private key) and the
 * repository's passphrase, through configuration, tests, syncs and verifies on the real server at debug log level:
 * none of them in any answer, the server's log, a job's log, a process's argv or a file of the data directory.
 */
describe('cloud sync credentials', () => {
  let work: string;
  let dataDir: string;
  let s3: TestS3Server;
  let webdav: TestWebdavServer;
  let sshd: TestSshd;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'borgitory-cloud-secrets-'));
    dataDir = join(work, 'data');
    [s3, webdav, sshd] = await Promise.all([startS3Server(['offsite'], S3_SECRET), startWebdavServer(), startSshd()]);
  });
  afterAll(async () => {
    await Promise.all([s3?.stop(), webdav?.stop(), sshd?.stop()]);
    rmSync(work, { recursive: true, force: true });
  });

  it('appear in no answer, log, job log, argv or stored file', async () => {
    const privateKey = readFileSync(sshd.authorizeNewKey(join(work, 'offsite_key')), 'utf8');
    const keyBody = privateKey.split('\n')[2];
    const plainSecrets = [PASSPHRASE, S3_SECRET, webdav.password, keyBody];
    let serverOutput = '';
    const port = await freePort();
    const server = await startServerProcess(dataDir, port, { logLevel: 'debug', onOutput: (text) => (serverOutput += text) });
    const watch = watchProcesses(plainSecrets, server.pid ?? 0);
    const answers: string[] = [];
    const agent: Agent = request.agent(`http://127.0.0.1:${port}`);
    const call = async (response: Promise<Response>, status: number): Promise<Response> => {
      const answer = await response;
      answers.push(answer.text);
      expect(answer.status).toBe(status);
      return answer;
    };
    let seen: ProcessWatch;
    try {
      await call(agent.post('/api/auth/setup').send(ADMIN), 201);
      const repo = join(work, 'repo');
      const repository = await call(
        agent.post('/api/repositories').send({ name: 'Payroll', path: repo, encryption: 'repokey', passphrase: PASSPHRASE }),
        201,
      );
      const source = join(work, 'payroll');
      mkdirSync(source);
      writeFileSync(join(source, 'ledger.bin'), randomBytes(3 * 1024 * 1024));
      borgCli(['create', `${repo}::first`, source], { baseDir: join(work, 'cli'), passphrase: PASSPHRASE });

      const configs = [
        {
          name: 'S3',
          provider: 's3',
          provider_config: {
            service: 'Minio',
            endpoint: s3.endpoint,
            path_style: true,
            bucket_name: 'offsite',
            access_key_id: s3.accessKeyId,
            secret_access_key: S3_SECRET,
          },
        },
        { name: 'WebDAV', provider: 'webdav', provider_config: { url: webdav.url, user: webdav.user, password: webdav.password } },
        {
          name: 'SSH',
          provider: 'sftp',
          provider_config: { host: '127.0.0.1', port: sshd.port, user: 'root', private_key: privateKey, host_key: sshd.hostPublicKey },
          path_prefix: join(sshd.dir, 'offsite'),
        },
      ];
      for (const body of configs) {
        // Slow enough (3 MB at 1 MB/s) for the watcher to read rclone's environment and argv many times.
        const created = await call(agent.post('/api/cloud-sync/configs').send({ ...body, bandwidth_limit: '1M' }), 201);
        const id = created.body.data.id;
        expect((await call(agent.post(`/api/cloud-sync/configs/${id}/test`), 200)).body.data).toMatchObject({ ok: true });
        const started = await call(
          agent.post('/api/cloud-sync/sync').send({ repository_id: repository.body.data.id, cloud_sync_config_id: id }),
          201,
        );
        expect((await waitForFinish(agent, started.body.data.id, 60_000)).status).toBe('completed');
        await call(agent.get(`/api/jobs/${started.body.data.id}`), 200);
        await call(agent.get(`/api/jobs/${started.body.data.id}/logs?format=text`), 200);
        const verified = await call(
          agent.post(`/api/cloud-sync/configs/${id}/verify`).send({ repository_id: repository.body.data.id }),
          200,
        );
        expect(verified.body.data).toMatchObject({ in_sync: true });
        await call(agent.put(`/api/cloud-sync/configs/${id}`).send({ ...body, name: `${body.name} (renamed)` }), 200);
      }
      await call(agent.get('/api/cloud-sync/configs'), 200);
      await call(agent.get('/api/jobs?type=cloud_sync'), 200);
    } finally {
      seen = watch.stop();
      server.kill('SIGTERM');
      await exited(server);
    }

    expect(seen.rcloneWithRemote).toBeGreaterThanOrEqual(3 * 5);
    expect(seen.leaks).toEqual([]);
    // The S3 secret goes to rclone as it is; the passwords obscured (a reversible form that counts as the secret too).
    expect(seen.environSecrets).toContain(S3_SECRET);
    expect(seen.environSecrets.size).toBeGreaterThan(2);
    const secrets = [...plainSecrets, ...seen.environSecrets];
    expect(serverOutput).toContain('"url":"/api/cloud-sync/sync"');
    for (const secret of secrets) {
      expect({ secret, inAnswers: answers.some((answer) => answer.includes(secret)) }).toEqual({ secret, inAnswers: false });
      expect({ secret, inServerLog: serverOutput.includes(secret) }).toEqual({ secret, inServerLog: false });
      const stored = filesBelow(dataDir).filter((file) => file.text.includes(secret));
      expect({ secret, storedIn: stored.map((file) => file.path) }).toEqual({ secret, storedIn: [] });
    }
  });
});
