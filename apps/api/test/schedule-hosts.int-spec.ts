import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { canRunHostSshd, HOST_SSHD_SKIP_REASON, startHostSshd, TestHost } from '@borgitory/ssh-runner/testing';
import { borgCli } from './support/borg-cli';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';
import { addPulledHost } from './support/pulled-host';

jest.setTimeout(240_000);

const describeWithHost = canRunHostSshd() ? describe : describe.skip;
if (!canRunHostSshd()) process.stdout.write(`schedule-hosts.int-spec skipped: ${HOST_SSHD_SKIP_REASON}\n`);

const PASSPHRASE = 'scheduled pull passphrase 41c2';

describeWithHost('schedules that back up a host (pull mode), over a real sshd with an unprivileged user', () => {
  let testApp: TestApp;
  let admin: Agent;
  let host: TestHost;
  let hostId: number;
  let repositoryId: number;
  let repositoryPath: string;
  let source: string;

  /** Each entry of the archive as "owner:path". */
  const listEntries = (archive: string) =>
    borgCli(['list', '--format', '{user}:{path}{NL}', `${repositoryPath}::${archive}`], {
      baseDir: join(testApp.work, 'borg-cli'),
      passphrase: PASSPHRASE,
    })
      .trim()
      .split('\n');
  const schedule = (body: Record<string, unknown>) =>
    admin.post('/api/v1/schedules').send({ repository_id: repositoryId, cron_expression: '0 3 * * *', enabled: false, ...body });

  beforeAll(async () => {
    [testApp, host] = await Promise.all([startTestApp(), startHostSshd()]);
    admin = await setupAdmin(testApp);
    repositoryPath = join(testApp.work, 'pulled');
    ({ repositoryId, hostId } = await addPulledHost(admin, host, { hostName: 'workstation', repositoryPath, passphrase: PASSPHRASE }));
    source = join(host.home, 'notes');
    await host.runAs(['mkdir', '-p', source]);
    await host.runAs(['sh', '-c', `printf 'scheduled\\n' > "${source}/todo.txt"`]);
  });
  afterAll(async () => {
    await Promise.all([testApp?.close(), host?.stop()]);
  });

  it("runs a schedule of the host through pull mode: the archive holds the host user's files", async () => {
    const created = await schedule({
      name: 'Workstation nightly',
      host_id: hostId,
      source_path: source,
      archive_name: 'nightly-{now}',
    }).expect(201);
    const saved = created.body.data;
    expect(saved).toMatchObject({ host_id: hostId, source_paths: [source] });
    expect((await admin.get(`/api/v1/schedules/${saved.id}`).expect(200)).body.data.host_id).toBe(hostId);

    const started = await admin.post(`/api/v1/schedules/${saved.id}/run`).expect(201);
    expect(started.body.data.parameters).toMatchObject({ host_id: hostId, host_name: 'workstation', schedule_id: saved.id });
    const job = await waitForFinish(admin, started.body.data.id, 120_000);
    expect(job).toMatchObject({ status: 'completed', error: null });
    const archive = (job.result as { archive_name: string }).archive_name;
    expect(archive).toMatch(/^nightly-/);
    expect(listEntries(archive)).toEqual([`${host.user}:${source.slice(1)}`, `${host.user}:${source.slice(1)}/todo.txt`]);
    const log = (await admin.get(`/api/v1/jobs/${job.id}/logs`).expect(200)).text;
    expect(log).toContain('Running on host workstation (pull mode, borg serve here)');
  });

  it('keeps a host that schedules use (409 HOST_IN_USE naming them); PUT host_id null makes the schedule local again', async () => {
    const saved = (await schedule({ name: 'Kept host', host_id: hostId, source_path: source }).expect(201)).body.data;
    const refused = await admin.delete(`/api/v1/hosts/${hostId}`).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'HOST_IN_USE',
      details: { used_by: ['schedule "Kept host"', 'schedule "Workstation nightly"'] },
    });
    await admin.get(`/api/v1/hosts/${hostId}`).expect(200);

    // A PUT that leaves host_id out keeps it.
    const renamed = await admin.put(`/api/v1/schedules/${saved.id}`).send({ name: 'Kept host, renamed' }).expect(200);
    expect(renamed.body.data.host_id).toBe(hostId);
    const local = join(testApp.work, 'local-source');
    mkdirSync(local);
    const cleared = await admin.put(`/api/v1/schedules/${saved.id}`).send({ host_id: null, source_path: local }).expect(200);
    expect(cleared.body.data).toMatchObject({ host_id: null, source_paths: [local] });
    const started = await admin.post(`/api/v1/schedules/${saved.id}/run`).expect(201);
    expect(started.body.data.parameters.host_id).toBeUndefined();
    expect(await waitForFinish(admin, started.body.data.id, 60_000)).toMatchObject({ status: 'completed' });

    // Only the schedule still on the host keeps it now.
    const stillUsed = await admin.delete(`/api/v1/hosts/${hostId}`).expect(409);
    expect(stillUsed.body.error.details).toEqual({ used_by: ['schedule "Workstation nightly"'] });
  });

  it('refuses an unknown host and a remote repository as a manual backup of a host does (422)', async () => {
    const unknown = await schedule({ name: 'Nowhere', host_id: 9999, source_path: source }).expect(422);
    expect(unknown.body.error.details).toEqual({ host_id: ['Host 9999 does not exist'] });
    const wrongType = await schedule({ name: 'Nowhere', host_id: 0, source_path: source }).expect(422);
    expect(Object.keys(wrongType.body.error.details)).toEqual(['host_id']);

    const remote = await admin
      .post('/api/v1/repositories')
      .send({ name: 'remote', path: `ssh://${host.user}@127.0.0.1:${host.port}${join(host.home, 'remote-repo')}`, encryption: 'none' })
      .expect(201);
    const refused = await schedule({ name: 'Remote', repository_id: remote.body.data.id, host_id: hostId, source_path: source }).expect(
      422,
    );
    expect(refused.body.error.details).toEqual({
      repository_id: ['A backup of a host writes into a repository on this server (borg serve runs here); this repository is remote'],
    });
    const manual = await admin
      .post('/api/v1/backups/manual')
      .send({ repository_id: remote.body.data.id, host_id: hostId, source_path: source })
      .expect(422);
    expect(manual.body.error.details).toEqual(refused.body.error.details);
  });

  it('lets the host go once no schedule backs it up', async () => {
    const schedules = (await admin.get('/api/v1/schedules').expect(200)).body.data as Array<{ id: number; host_id: number | null }>;
    for (const row of schedules.filter((row) => row.host_id === hostId)) await admin.delete(`/api/v1/schedules/${row.id}`).expect(204);
    await admin.delete(`/api/v1/hosts/${hostId}`).expect(204);
    await admin.get(`/api/v1/hosts/${hostId}`).expect(404);
  });
});
