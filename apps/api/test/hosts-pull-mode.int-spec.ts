import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { BorgServeBridge, passphraseLine, remoteBorgScript } from '@borgitory/borg-runner';
import { SshRunner } from '@borgitory/ssh-runner';
import { canRunHostSshd, HOST_SSHD_SKIP_REASON, startHostSshd, TestHost } from '@borgitory/ssh-runner/testing';
import { borgCli } from './support/borg-cli';
import { getJob, waitForFinish, waitForJob } from './support/job-client';
import { waitUntil } from './support/job-executors';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';
import { addPulledHost } from './support/pulled-host';

jest.setTimeout(240_000);

const describeWithHost = canRunHostSshd() ? describe : describe.skip;
if (!canRunHostSshd()) process.stdout.write(`hosts-pull-mode.int-spec skipped: ${HOST_SSHD_SKIP_REASON}\n`);

const PASSPHRASE = 'pull-mode passphrase 7f3a9c';

interface ProcessInfo {
  pid: number;
  uid: number;
  argv: string;
}

/** Every process with its owner and command line. */
function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      found.push({ pid: Number(pid), uid: statSync(`/proc/${pid}`).uid, argv });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describeWithHost('backups of a host in pull mode, over a real sshd with an unprivileged user', () => {
  let testApp: TestApp;
  let admin: Agent;
  let host: TestHost;
  let hostUid: number;
  let hostId: number;
  let repositoryId: number;
  let repositoryPath: string;
  let source: string;

  /** borg on either side: the host user's borg (and socat), or a borg serve of this repository here. */
  const borgProcesses = () =>
    processes().filter(
      (process) =>
        (process.uid === hostUid && /\b(borg|socat)\b/.test(process.argv)) ||
        (process.argv.includes('serve') && process.argv.includes(repositoryPath)),
    );
  const archives = () =>
    JSON.parse(
      borgCli(['list', '--json', repositoryPath], { baseDir: join(testApp.work, 'borg-cli'), passphrase: PASSPHRASE }),
    ).archives.map((archive: { name: string }) => archive.name);
  const backUp = (archive: string, extra: Record<string, unknown> = {}) =>
    admin
      .post('/api/v1/backups/manual')
      .send({ repository_id: repositoryId, host_id: hostId, source_path: source, archive_name: archive, ...extra })
      .expect(201)
      .then((response) => response.body.data.id as number);
  /** Until the job runs and borg on the host has read some of the files: the backup is under way there. */
  const underWay = (jobId: number) =>
    waitForJob(admin, jobId, (job) => job.status === 'running' && Number((job.progress ?? {})['original_size'] ?? 0) > 0, 60_000);

  beforeAll(async () => {
    [testApp, host] = await Promise.all([startTestApp(), startHostSshd()]);
    hostUid = statSync(host.home).uid;
    admin = await setupAdmin(testApp);
    repositoryPath = join(testApp.work, 'pulled');
    ({ repositoryId, hostId } = await addPulledHost(admin, host, { hostName: 'laptop', repositoryPath, passphrase: PASSPHRASE }));
    source = join(host.home, 'data');
    await host.runAs(['mkdir', '-p', `${source}/docs`, `${source}/empty`]);
    await host.runAs(['sh', '-c', `printf 'alpha\\n' > "${source}/docs/a.txt"; printf 'it is "here"' > "${source}/it's here.txt"`]);
  });
  afterAll(async () => {
    await Promise.all([testApp?.close(), host?.stop()]);
  });

  it("backs up the host's files into the repository here, with the host's paths, the passphrase on no argv", async () => {
    const seen = new Set<string>();
    const scan = setInterval(() => processes().forEach((process) => process.argv.includes(PASSPHRASE) && seen.add(process.argv)), 5);
    let job;
    try {
      job = await waitForFinish(admin, await backUp('first'), 120_000);
    } finally {
      clearInterval(scan);
    }
    expect([...seen]).toEqual([]);
    expect(job).toMatchObject({ status: 'completed', error: null });
    // A folder that is not there on the host is refused before any job exists.
    const missing = await admin
      .post('/api/v1/backups/manual')
      .send({ repository_id: repositoryId, host_id: hostId, source_path: `${source}/nothing` })
      .expect(422);
    expect(missing.body.error.details.source_path).toEqual([`${source}/nothing does not exist on the host`]);
    expect(job.result).toMatchObject({ archive_name: 'first', files: 2 });
    const log = (await admin.get(`/api/v1/jobs/${job.id}/logs`).expect(200)).text;
    expect(log).toContain('Running on host laptop (pull mode, borg serve here)');

    expect(archives()).toEqual(['first']);
    const paths = borgCli(['list', '--format', '{path}{NL}', `${repositoryPath}::first`], {
      baseDir: join(testApp.work, 'borg-cli'),
      passphrase: PASSPHRASE,
    })
      .trim()
      .split('\n');
    const relative = source.slice(1);
    expect(paths).toEqual(expect.arrayContaining([relative, `${relative}/docs/a.txt`, `${relative}/it's here.txt`, `${relative}/empty`]));
    // Borgitory's own list knows it too.
    const listed = (await admin.get(`/api/v1/repositories/${repositoryId}/archives?refresh=true`).expect(200)).body.data;
    expect(listed.map((archive: { name: string }) => archive.name)).toEqual(['first']);
    expect(borgProcesses()).toEqual([]);
    // The dashboard shows the host as reachable (the key installation tested it) with this backup.
    const overview = (await admin.get('/api/v1/overview').expect(200)).body.data;
    expect(overview.hosts).toEqual([
      {
        id: hostId,
        name: 'laptop',
        address: `ssh://${host.user}@127.0.0.1:${host.port}`,
        reachable: true,
        last_test_at: expect.any(String),
        last_test_message: null,
        last_backup: expect.objectContaining({ id: job.id, status: 'completed' }),
      },
    ]);
  });

  it('restores a folder onto the host, as its user, byte for byte; refuses a missing destination and an overwrite', async () => {
    const destination = join(host.home, 'restored');
    await host.runAs(['mkdir', '-p', destination]);
    const restore = (body: Record<string, unknown>) =>
      admin
        .post(`/api/v1/repositories/${repositoryId}/archives/first/restore`)
        .send({ paths: [`${source}/docs`], host_id: hostId, ...body });
    const missing = await restore({ destination: join(host.home, 'nowhere') }).expect(422);
    expect(missing.body.error.details.destination[0]).toContain('does not exist on the host');

    const job = await waitForFinish(admin, (await restore({ destination }).expect(201)).body.data.id, 120_000);
    expect(job).toMatchObject({ status: 'completed', error: null });
    const restored = join(destination, source.slice(1), 'docs', 'a.txt');
    expect(readFileSync(restored)).toEqual(readFileSync(join(source, 'docs', 'a.txt')));
    expect(statSync(restored).uid).toBe(hostUid);

    const again = await restore({ destination }).expect(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it("refuses a borg delete from the host's side through the same kind of tunnel: the archive stays", async () => {
    const ssh = new SshRunner();
    const bridge = await BorgServeBridge.start({ repositoryPath });
    try {
      const connection = {
        user: host.user,
        host: '127.0.0.1',
        port: host.port,
        hostKeyPolicy: 'accept-new' as const,
        knownHostsFile: join(testApp.dataDir, 'ssh', 'known_hosts'),
        identityFile: join(testApp.dataDir, 'ssh', 'id_ed25519'),
      };
      const remoteSocket = `/tmp/borgitory-test-${process.pid}.sock`;
      const script = remoteBorgScript({ socketPath: remoteSocket, repositoryPath, borgArgs: ['delete', '::first'] });
      const tunnel = ssh.startTunnelled(connection, { remoteSocket, localSocket: bridge.socketPath, script });
      let stderr = '';
      tunnel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      tunnel.write(passphraseLine(PASSPHRASE));
      tunnel.endInput();
      const { code } = await tunnel.exited;
      expect(code).toBe(2);
      expect(stderr).toContain("Borgitory pull mode refused 'delete'");
    } finally {
      await bridge.close();
    }
    expect(archives()).toEqual(['first']);
  });

  it('cancels mid-backup: no borg left on either side, no lock, and the next backup completes', async () => {
    await host.runAs(['sh', '-c', `head -c 60000000 /dev/urandom > "${source}/big.bin"`]);
    const jobId = await backUp('cancelled', { compression: 'zstd,19' });
    await underWay(jobId);
    await admin.post(`/api/v1/jobs/${jobId}/cancel`).expect(200);
    const job = await waitForFinish(admin, jobId, 60_000);
    expect(job.status).toBe('cancelled');
    await waitUntil(() => borgProcesses().length === 0, 20_000).catch(() => {
      throw new Error(`left running: ${JSON.stringify(borgProcesses())}`);
    });
    expect(readdirSync(repositoryPath).filter((name) => name.startsWith('lock'))).toEqual([]);
    const next = await waitForFinish(admin, await backUp('after-cancel'), 120_000);
    expect(next.status).toBe('completed');
    expect(archives()).toEqual(expect.arrayContaining(['first', 'after-cancel']));
    expect(archives()).not.toContain('cancelled');
  });

  it('fails the job with a clear error when the ssh connection drops mid-backup; the next backup completes', async () => {
    // New data: what the backups before stored is only referenced again, at once.
    await host.runAs(['sh', '-c', `head -c 60000000 /dev/urandom > "${source}/big.bin"`]);
    const jobId = await backUp('dropped', { compression: 'zstd,19' });
    await underWay(jobId);
    // The host's end of the connection goes away, as when the network drops: its sshd session processes are killed.
    const sessions = processes().filter((process) => process.argv.startsWith(`sshd: ${host.user}`));
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) process.kill(session.pid, 'SIGKILL');
    const job = await waitForFinish(admin, jobId, 60_000);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({
      code: 'SSH_CONNECTION_FAILED',
      message: expect.stringContaining('The connection to host laptop was lost'),
    });
    // The host's borg notices the tunnel is gone and exits by itself.
    await waitUntil(() => borgProcesses().length === 0, 60_000).catch(() => {
      throw new Error(`left running: ${JSON.stringify(borgProcesses())}`);
    });
    const next = await waitForFinish(admin, await backUp('after-drop', { compression: 'lz4' }), 120_000);
    expect(next.status).toBe('completed');
    expect(archives()).toEqual(expect.arrayContaining(['first', 'after-cancel', 'after-drop']));
    expect((await getJob(admin, next.id)).error).toBeNull();
  });
});
