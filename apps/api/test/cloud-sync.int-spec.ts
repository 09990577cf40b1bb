import { readFileSync, readdirSync, writeFileSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { RcloneRunner, type RcloneRemote } from '@borgitory/rclone-runner';
import {
  startS3Server,
  startSftpServer,
  startWebdavServer,
  type TestS3Server,
  type TestSftpServer,
  type TestWebdavServer,
} from '@borgitory/rclone-runner/testing';
import { startSshd, type TestSshd } from '@borgitory/borg-runner/testing';
import { borgCli } from './support/borg-cli';
import { getJob, waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const PASSPHRASE = 'cloud sync repository passphrase';

interface ArchiveList {
  archives: Array<{ name: string }>;
}

/** A real borg repository copied with real rclone to real servers on 127.0.0.1, and back. */
describe('cloud sync', () => {
  const rclone = new RcloneRunner({ rcloneBin: 'rclone' });
  let testApp: TestApp;
  let agent: Agent;
  let repositoryId: number;
  let repo: string;
  let cliBase: string;
  let s3: TestS3Server;
  let sftp: TestSftpServer;
  let webdav: TestWebdavServer;
  let sshd: TestSshd;
  let localTarget: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    repo = join(testApp.work, 'repo');
    cliBase = join(testApp.work, 'cli');
    const source = join(testApp.work, 'documents');
    mkdirSync(source);
    writeFileSync(join(source, 'report.txt'), 'quarterly figures\n');
    repositoryId = (
      await agent
        .post('/api/repositories')
        .send({ name: 'Documents', path: repo, encryption: 'repokey-blake2', passphrase: PASSPHRASE })
        .expect(201)
    ).body.data.id;
    for (const name of ['monday', 'tuesday']) borgCli(['create', `${repo}::${name}`, source], { baseDir: cliBase, passphrase: PASSPHRASE });
    [s3, sftp, webdav, sshd] = await Promise.all([startS3Server(['offsite']), startSftpServer(), startWebdavServer(), startSshd()]);
    localTarget = mkdtempSync(join(tmpdir(), 'borgitory-usb-'));
  });
  afterAll(async () => {
    await testApp.close();
    await Promise.all([s3?.stop(), sftp?.stop(), webdav?.stop(), sshd?.stop()]);
    rmSync(localTarget, { recursive: true, force: true });
  });

  const createConfig = (body: Record<string, unknown>) => agent.post('/api/cloud-sync/configs').send(body);
  const borgArchives = (path: string) =>
    (JSON.parse(borgCli(['list', '--json', path], { baseDir: cliBase, passphrase: PASSPHRASE })) as ArchiveList).archives
      .map((a) => a.name)
      .sort();

  async function syncAndCheck(configId: number): Promise<void> {
    const started = await agent
      .post('/api/cloud-sync/sync')
      .send({ repository_id: repositoryId, cloud_sync_config_id: configId })
      .expect(201);
    expect(started.body.data).toMatchObject({ type: 'cloud_sync', status: 'queued', repository_id: repositoryId });
    const job = await waitForFinish(agent, started.body.data.id, 120_000);
    expect(job.error).toBeNull();
    expect(job.status).toBe('completed');
    expect(job.result).toMatchObject({ files_transferred: expect.any(Number), bytes_transferred: expect.any(Number) });
    const config = (await agent.get(`/api/cloud-sync/configs/${configId}`).expect(200)).body.data;
    expect(config.last_sync).toMatchObject({ job_id: job.id, status: 'completed' });
  }

  /** Copies the remote back into an empty directory with rclone, then borg lists and checks that copy. */
  async function copyBackAndCheck(remote: RcloneRemote, path: string): Promise<void> {
    const copy = mkdtempSync(join(tmpdir(), 'borgitory-copy-back-'));
    try {
      await rclone.download({ remote, path }, copy);
      expect(borgArchives(copy)).toEqual(borgArchives(repo));
      borgCli(['check', copy], { baseDir: cliBase, passphrase: PASSPHRASE });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  it('describes each provider with the fields of its form', async () => {
    const providers = (await agent.get('/api/cloud-sync/providers').expect(200)).body.data as Array<{
      name: string;
      fields: Array<{ name: string; secret: boolean; required: boolean }>;
      presets: Array<{ name: string }>;
    }>;
    expect(providers.map((provider) => provider.name)).toEqual(['s3', 'sftp', 'webdav', 'smb', 'local']);
    const s3Provider = providers[0];
    expect(s3Provider.presets.map((preset) => preset.name)).toEqual(['aws', 'backblaze_b2', 'cloudflare_r2', 'wasabi', 'minio', 'other']);
    expect(s3Provider.fields.find((field) => field.name === 'secret_access_key')).toMatchObject({ secret: true, required: true });
    expect(providers[1].fields.map((field) => field.name)).toEqual(['host', 'port', 'user', 'password', 'private_key', 'host_key']);
  });

  it('checks provider_config field by field and never shows a secret', async () => {
    const invalid = await createConfig({
      name: 'Bad',
      provider: 's3',
      provider_config: { service: 'Other', bucket_name: 'No_Caps', access_key_id: 'k', region: 'eu central', extra: 1 },
    }).expect(422);
    expect(Object.keys(invalid.body.error.details).sort()).toEqual([
      'provider_config.bucket_name',
      'provider_config.extra',
      'provider_config.region',
      'provider_config.secret_access_key',
    ]);
    const noAuth = await createConfig({ name: 'No auth', provider: 'sftp', provider_config: { host: 'nas', user: 'me' } }).expect(422);
    expect(noAuth.body.error.details).toEqual({ 'provider_config.password': ['Give a password or a private key'] });
    await createConfig({ name: 'Relative', provider: 'local', provider_config: { path: 'usb' } }).expect(422);
    await createConfig({ name: 'Unknown', provider: 'dropbox', provider_config: {} }).expect(422);

    const created = await createConfig({
      name: 'Seed shape',
      provider: 's3',
      provider_config: {
        access_key_id: 'AKIAIOSFODNN7EXAMPLE',
        secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        bucket_name: 'my-backup-bucket',
        region: 'us-east-1',
      },
      path_prefix: 'borgitory-backups/',
    }).expect(201);
    expect(created.body.data).toMatchObject({
      provider: 's3',
      provider_config: {
        service: 'AWS',
        access_key_id: 'AKIAIOSFODNN7EXAMPLE',
        bucket_name: 'my-backup-bucket',
        region: 'us-east-1',
        path_style: false,
      },
      secrets_set: ['secret_access_key'],
      path_prefix: 'borgitory-backups',
      mode: 'copy',
      bandwidth_limit: null,
      last_sync: null,
    });
    const id = created.body.data.id;
    await createConfig({ name: 'Seed shape', provider: 'local', provider_config: { path: '/mnt' } }).expect(409);

    // PUT without the secret keeps it; "" removes it (and the required field is missing again).
    const renamed = await agent
      .put(`/api/cloud-sync/configs/${id}`)
      .send({
        name: 'Renamed',
        provider: 's3',
        provider_config: { access_key_id: 'AKIA2', bucket_name: 'my-backup-bucket', region: 'us-east-1' },
      })
      .expect(200);
    expect(renamed.body.data).toMatchObject({ name: 'Renamed', secrets_set: ['secret_access_key'] });
    const cleared = await agent
      .put(`/api/cloud-sync/configs/${id}`)
      .send({
        name: 'Renamed',
        provider: 's3',
        provider_config: { access_key_id: 'AKIA2', bucket_name: 'my-backup-bucket', secret_access_key: '' },
      })
      .expect(422);
    expect(cleared.body.error.details).toEqual({ 'provider_config.secret_access_key': ['secret_access_key is required'] });

    const everything = JSON.stringify([
      created.body,
      renamed.body,
      (await agent.get('/api/cloud-sync/configs').expect(200)).body,
      (await agent.get(`/api/cloud-sync/configs/${id}`).expect(200)).body,
    ]);
    expect(everything).not.toContain('wJalrXUtnFEMI');
    const stored = readFileSync(join(testApp.dataDir, 'borgitory.db')).toString('latin1');
    expect(stored).not.toContain('wJalrXUtnFEMI');
    await agent.delete(`/api/cloud-sync/configs/${id}`).expect(204);
    await agent.get(`/api/cloud-sync/configs/${id}`).expect(404);
  });

  it('S3 (s3rver): tests the connection, syncs, and the copy opens in borg; wrong key and unknown bucket say so', async () => {
    const config = {
      service: 'Other',
      endpoint: s3.endpoint,
      bucket_name: 'offsite',
      access_key_id: s3.accessKeyId,
      secret_access_key: s3.secretAccessKey,
      path_style: true,
    };
    const created = await createConfig({ name: 'S3', provider: 's3', provider_config: config, path_prefix: 'borg', mode: 'sync' }).expect(
      201,
    );
    const id = created.body.data.id;
    const tested = await agent.post(`/api/cloud-sync/configs/${id}/test`).expect(200);
    expect(tested.body.data).toMatchObject({ ok: true, error: null, remote_path: 'S3: offsite/borg' });
    expect(tested.body.data.steps.map((step: { step: string; ok: boolean }) => `${step.step}:${step.ok}`)).toEqual([
      'write:true',
      'read:true',
      'delete:true',
      'list:true',
    ]);

    await syncAndCheck(id);
    const remote: RcloneRemote = {
      type: 's3',
      options: {
        provider: 'Other',
        endpoint: s3.endpoint,
        access_key_id: s3.accessKeyId,
        secret_access_key: s3.secretAccessKey,
        force_path_style: 'true',
      },
    };
    await copyBackAndCheck(remote, 'offsite/borg/documents');
    const verified = await agent.post(`/api/cloud-sync/configs/${id}/verify`).send({ repository_id: repositoryId }).expect(200);
    expect(verified.body.data).toMatchObject({
      in_sync: true,
      mode: 'sync',
      compared_by: 'md5',
      differing: 0,
      missing_on_remote: 0,
      missing_locally: 0,
    });
    expect(verified.body.data.matching).toBeGreaterThan(3);

    const wrongKey = await createConfig({
      name: 'S3 wrong key',
      provider: 's3',
      provider_config: { ...config, access_key_id: 'NOBODY' },
    }).expect(201);
    const refused = (await agent.post(`/api/cloud-sync/configs/${wrongKey.body.data.id}/test`).expect(200)).body.data;
    expect(refused).toMatchObject({ ok: false, error: { code: 'RCLONE_ERROR' } });
    expect(refused.error.message).toMatch(/^The credentials were refused: .*InvalidAccessKeyId/);
    const noBucket = await createConfig({
      name: 'S3 no bucket',
      provider: 's3',
      provider_config: { ...config, bucket_name: 'nowhere' },
    }).expect(201);
    const missing = (await agent.post(`/api/cloud-sync/configs/${noBucket.body.data.id}/test`).expect(200)).body.data;
    expect(missing.error.message).toMatch(/^The bucket does not exist/);
    expect(missing.steps).toEqual([{ step: 'write', ok: false, duration_ms: expect.any(Number) }]);
    const down = await createConfig({
      name: 'S3 down',
      provider: 's3',
      provider_config: { ...config, endpoint: 'http://127.0.0.1:1' },
    }).expect(201);
    expect((await agent.post(`/api/cloud-sync/configs/${down.body.data.id}/test`).expect(200)).body.data.error.message).toMatch(
      /^Could not connect to the server/,
    );
  });

  it('SFTP (rclone serve sftp, password): learns the host key at the first connection, then syncs', async () => {
    const created = await createConfig({
      name: 'SFTP password',
      provider: 'sftp',
      provider_config: { host: '127.0.0.1', port: sftp.port, user: sftp.user, password: sftp.password },
      path_prefix: 'borg',
    }).expect(201);
    const id = created.body.data.id;
    const tested = (await agent.post(`/api/cloud-sync/configs/${id}/test`).expect(200)).body.data;
    const hostKey = sftp.hostPublicKey.split(' ').slice(0, 2).join(' ');
    expect(tested).toMatchObject({ ok: true, host_key_learned: hostKey });
    expect((await agent.get(`/api/cloud-sync/configs/${id}`).expect(200)).body.data.provider_config.host_key).toBe(hostKey);
    await syncAndCheck(id);
    expect(existsSync(join(sftp.dir, 'borg', 'documents', 'config'))).toBe(true);
    const pass = await rclone.obscure(sftp.password);
    await copyBackAndCheck(
      { type: 'sftp', options: { host: '127.0.0.1', port: String(sftp.port), user: sftp.user, pass } },
      'borg/documents',
    );
  });

  it('SFTP (OpenSSH, key auth): checks the host key it was given, and refuses another with a clear message', async () => {
    const keyPath = sshd.authorizeNewKey(join(testApp.work, 'sftp_key'));
    const privateKey = readFileSync(keyPath, 'utf8');
    const base = { host: '127.0.0.1', port: sshd.port, user: 'root', private_key: privateKey };
    const target = join(sshd.dir, 'offsite');
    const created = await createConfig({
      name: 'OpenSSH',
      provider: 'sftp',
      provider_config: { ...base, host_key: sshd.hostPublicKey },
      path_prefix: target,
    }).expect(201);
    expect(created.body.data.secrets_set).toEqual(['private_key']);
    expect(JSON.stringify(created.body)).not.toContain('PRIVATE KEY');
    const tested = (await agent.post(`/api/cloud-sync/configs/${created.body.data.id}/test`).expect(200)).body.data;
    expect(tested).toMatchObject({ ok: true, host_key_learned: null });
    await syncAndCheck(created.body.data.id);
    await copyBackAndCheck({ type: 'local', options: {} }, join(target, 'documents'));

    const otherHost = readFileSync(join(sftp.dir, '..', 'host_key.pub'), 'utf8').trim();
    const impostor = await createConfig({
      name: 'Wrong host key',
      provider: 'sftp',
      provider_config: { ...base, host_key: otherHost },
      path_prefix: target,
    }).expect(201);
    const refused = (await agent.post(`/api/cloud-sync/configs/${impostor.body.data.id}/test`).expect(200)).body.data;
    expect(refused).toMatchObject({ ok: false, error: { code: 'SSH_HOST_KEY_REJECTED' } });
    expect(refused.error.message).toContain("The server's host key is not the one stored for it");
    const started = await agent
      .post('/api/cloud-sync/sync')
      .send({ repository_id: repositoryId, cloud_sync_config_id: impostor.body.data.id })
      .expect(201);
    const job = await waitForFinish(agent, started.body.data.id, 60_000);
    expect(job).toMatchObject({ status: 'failed', error: { code: 'SSH_HOST_KEY_REJECTED' } });
  });

  it('WebDAV (rclone serve webdav): copy mode keeps a remote file that sync mode deletes, and what it would overwrite', async () => {
    const provider_config = { url: webdav.url, user: webdav.user, password: webdav.password };
    const copy = await createConfig({ name: 'WebDAV copy', provider: 'webdav', provider_config, path_prefix: 'copy', mode: 'copy' }).expect(
      201,
    );
    const mirror = await createConfig({
      name: 'WebDAV sync',
      provider: 'webdav',
      provider_config,
      path_prefix: 'sync',
      mode: 'sync',
    }).expect(201);
    for (const config of [copy, mirror]) await syncAndCheck(config.body.data.id);
    const pass = await rclone.obscure(webdav.password);
    const remote: RcloneRemote = { type: 'webdav', options: { url: webdav.url, vendor: 'other', user: webdav.user, pass } };
    await copyBackAndCheck(remote, 'sync/documents');

    // A file that is gone locally: copy leaves it on the remote, sync deletes it there.
    const stray = join(repo, 'stray-note.txt');
    writeFileSync(stray, 'soon gone\n');
    for (const config of [copy, mirror]) await syncAndCheck(config.body.data.id);
    // A file that changed locally (a damaged or encrypted segment): copy first moves the remote's version aside.
    writeFileSync(stray, 'overwritten by ransomware\n');
    await syncAndCheck(copy.body.data.id);
    const [replaced] = readdirSync(join(webdav.dir, 'copy', '.replaced', 'documents'));
    expect(readFileSync(join(webdav.dir, 'copy', '.replaced', 'documents', replaced, 'stray-note.txt'), 'utf8')).toBe('soon gone\n');
    expect(readFileSync(join(webdav.dir, 'copy', 'documents', 'stray-note.txt'), 'utf8')).toBe('overwritten by ransomware\n');
    rmSync(stray);
    for (const config of [copy, mirror]) await syncAndCheck(config.body.data.id);
    expect(existsSync(join(webdav.dir, 'copy', 'documents', 'stray-note.txt'))).toBe(true);
    expect(existsSync(join(webdav.dir, 'sync', 'documents', 'stray-note.txt'))).toBe(false);
    const copyCheck = (
      await agent.post(`/api/cloud-sync/configs/${copy.body.data.id}/verify`).send({ repository_id: repositoryId }).expect(200)
    ).body.data;
    expect(copyCheck).toMatchObject({ in_sync: true, mode: 'copy', compared_by: 'size' });
  });

  it('local (a mounted disk): syncs, with progress and the rclone log in the job', async () => {
    const created = await createConfig({
      name: 'USB disk',
      provider: 'local',
      provider_config: { path: localTarget },
      bandwidth_limit: '50M',
    }).expect(201);
    await syncAndCheck(created.body.data.id);
    await copyBackAndCheck({ type: 'local', options: {} }, join(localTarget, 'documents'));
    const runs = (await agent.get(`/api/jobs?type=cloud_sync&limit=1`).expect(200)).body.data;
    const job = await getJob(agent, runs[0].id);
    expect(job.progress).toMatchObject({
      current: expect.any(Number),
      total: expect.any(Number),
      percent: 100,
      rate_bytes_per_second: expect.any(Number),
    });
    const log = (await agent.get(`/api/jobs/${job.id}/logs?format=text`).expect(200)).text;
    expect(log).toContain(`rclone copy ${repo} → USB disk: ${localTarget}/documents (nothing is deleted on the remote, at most 50MB/s)`);
    expect(log).toMatch(/config: Copied \(new\)/);
  });

  it('refuses a repository on another machine, and a configuration schedules use', async () => {
    const remoteRepo = await agent
      .post('/api/repositories')
      .send({
        name: 'Elsewhere',
        path: `ssh://root@127.0.0.1:${sshd.port}${join(sshd.dir, 'remote-repo')}`,
        encryption: 'none',
        ssh_private_key: readFileSync(join(testApp.work, 'sftp_key'), 'utf8'),
      })
      .expect(201);
    const local = await createConfig({ name: 'For schedules', provider: 'local', provider_config: { path: localTarget } }).expect(201);
    const refused = await agent
      .post('/api/cloud-sync/sync')
      .send({ repository_id: remoteRepo.body.data.id, cloud_sync_config_id: local.body.data.id })
      .expect(422);
    expect(refused.body.error.details.repository_id[0]).toContain('only repositories on this server');
    await agent.post('/api/cloud-sync/sync').send({ repository_id: repositoryId, cloud_sync_config_id: 999 }).expect(422);

    const schedule = await agent
      .post('/api/schedules')
      .send({
        name: 'Nightly off-site',
        repository_id: repositoryId,
        source_path: testApp.work,
        cron_expression: '0 4 * * *',
        cloud_sync_config_id: local.body.data.id,
      })
      .expect(201);
    const inUse = await agent.delete(`/api/cloud-sync/configs/${local.body.data.id}`).expect(409);
    expect(inUse.body.error.message).toContain('schedule "Nightly off-site"');
    await agent.delete(`/api/schedules/${schedule.body.data.id}`).expect(204);
    await agent.delete(`/api/cloud-sync/configs/${local.body.data.id}`).expect(204);
  });
});
