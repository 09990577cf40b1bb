import { readdirSync, readFileSync } from 'node:fs';
import type { Agent } from 'supertest';
import { canRunHostSshd, HOST_SSHD_SKIP_REASON, startHostSshd, TestHost } from '@borgitory/ssh-runner/testing';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const describeWithHost = canRunHostSshd() ? describe : describe.skip;
if (!canRunHostSshd()) process.stdout.write(`hosts-connection.int-spec skipped: ${HOST_SSHD_SKIP_REASON}\n`);

/** The processes whose command line holds `text` (the password must be on none). */
function processesShowing(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (argv.includes(text)) found.push(`${pid}: ${argv.replace(/\0/g, ' ')}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describeWithHost('a host: connection test, key installation with a one-time password, directories over SFTP', () => {
  let testApp: TestApp;
  let admin: Agent;
  let host: TestHost;
  let hostId: number;

  beforeAll(async () => {
    [testApp, host] = await Promise.all([startTestApp(), startHostSshd()]);
    admin = await setupAdmin(testApp);
    const created = await admin
      .post('/api/v1/hosts')
      .send({ name: 'laptop', address: `ssh://${host.user}@127.0.0.1:${host.port}` })
      .expect(201);
    hostId = created.body.data.id;
    expect(created.body.data.last_test).toBeNull();
  });
  afterAll(async () => {
    await Promise.all([testApp?.close(), host?.stop()]);
  });

  it('reports a host that does not let Borgitory in, with what fixes it, and keeps that as its last test', async () => {
    const { body } = await admin.post(`/api/v1/hosts/${hostId}/test`).expect(200);
    expect(body.data).toMatchObject({ ok: false, user: null, borg_version: null });
    expect(body.data.problems).toEqual([
      { code: 'AUTH_FAILED', message: expect.stringContaining('refused the login'), fix: expect.stringContaining('authorized_keys') },
    ]);
    const stored = (await admin.get(`/api/v1/hosts/${hostId}`).expect(200)).body.data;
    expect(stored.last_test).toEqual({ tested_at: body.data.tested_at, ok: false, message: body.data.problems[0].message });
    // The first connection recorded the host's key (accept-new).
    expect(stored.host_key_fingerprint).toMatch(/^SHA256:/);
  });

  it('refuses a wrong password with 422 and installs the key line with the right one, the password on no argv', async () => {
    const wrong = await admin.post(`/api/v1/hosts/${hostId}/install-key`).send({ password: 'not the password' }).expect(422);
    expect(wrong.body.error.code).toBe('SSH_AUTHENTICATION_FAILED');

    const seen: string[] = [];
    const scan = setInterval(() => seen.push(...processesShowing(host.password)), 5);
    let answer;
    try {
      answer = await admin.post(`/api/v1/hosts/${hostId}/install-key`).send({ password: host.password }).expect(200);
    } finally {
      clearInterval(scan);
    }
    expect(seen).toEqual([]);
    expect(answer.body.data).toMatchObject({ ok: true, user: host.user, home: host.home, problems: [] });
    expect(answer.body.data.borg_version).toMatch(/^\d+\.\d+/);
    expect(answer.body.data.socat_version).toMatch(/^\d+\.\d+/);
    expect(answer.body.data.free_bytes).toBeGreaterThan(0);

    const line = (await admin.get('/api/v1/hosts/authorized-key').expect(200)).body.data.authorized_key;
    const authorizedKeys = readFileSync(`${host.home}/.ssh/authorized_keys`, 'utf8').split('\n');
    expect(authorizedKeys.filter((entry) => entry === line)).toHaveLength(1);
    // Installing again adds nothing.
    await admin.post(`/api/v1/hosts/${hostId}/install-key`).send({ password: host.password }).expect(200);
    expect(
      readFileSync(`${host.home}/.ssh/authorized_keys`, 'utf8')
        .split('\n')
        .filter((entry) => entry === line),
    ).toHaveLength(1);

    const audit = JSON.stringify((await admin.get('/api/v1/audit?limit=200').expect(200)).body);
    expect(audit).toContain(`/api/v1/hosts/{id}/install-key`);
    expect(audit).not.toContain(host.password);
    expect((await admin.get(`/api/v1/hosts/${hostId}`).expect(200)).body.data.last_test).toMatchObject({ ok: true, message: null });
  });

  it("lists the user's home by default and any folder over SFTP, directories first; 404 and 400 as the server's browser", async () => {
    await host.runAs(['mkdir', '-p', `${host.home}/documents/taxes`, `${host.home}/photos`]);
    await host.runAs(['sh', '-c', `printf x > "${host.home}/notes.txt" && printf y > "${host.home}/documents/it's here.txt"`]);
    const home = (await admin.get(`/api/v1/hosts/${hostId}/directories`).expect(200)).body.data;
    expect(home.path).toBe(host.home);
    const names = home.entries.map((entry: { name: string; type: string }) => `${entry.type}:${entry.name}`);
    expect(names.filter((name: string) => !name.includes(':.'))).toEqual(['directory:documents', 'directory:photos', 'file:notes.txt']);

    const documents = (
      await admin
        .get(`/api/v1/hosts/${hostId}/directories`)
        .query({ path: `${host.home}/documents/` })
        .expect(200)
    ).body.data;
    expect(documents).toMatchObject({ path: `${host.home}/documents`, parent: host.home, truncated: false });
    expect(documents.entries).toEqual([
      { name: 'taxes', path: `${host.home}/documents/taxes`, type: 'directory' },
      { name: "it's here.txt", path: `${host.home}/documents/it's here.txt`, type: 'file' },
    ]);

    await admin
      .get(`/api/v1/hosts/${hostId}/directories`)
      .query({ path: `${host.home}/nothing` })
      .expect(404);
    await admin.get(`/api/v1/hosts/${hostId}/directories`).query({ path: 'relative' }).expect(400);
    await admin.get('/api/v1/hosts/999/directories').expect(404);
  });

  it('reports a changed host key as HOST_KEY_MISMATCH, and refuses SFTP then', async () => {
    await host.changeHostKey();
    const { body } = await admin.post(`/api/v1/hosts/${hostId}/test`).expect(200);
    expect(body.data.ok).toBe(false);
    expect(body.data.problems).toEqual([
      { code: 'HOST_KEY_MISMATCH', message: expect.any(String), fix: expect.stringContaining('ssh-keyscan') },
    ]);
    const refused = await admin.get(`/api/v1/hosts/${hostId}/directories`).expect(422);
    expect(refused.body.error.code).toBe('SSH_HOST_KEY_REJECTED');
  });
});
