import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { freePort, startSshd, TestSshd } from '@borgitory/borg-runner/testing';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

const PASSPHRASE = 'remote passphrase 7';

describe('ssh repositories against a real sshd on 127.0.0.1', () => {
  let sshd: TestSshd;
  let testApp: TestApp;
  let agent: Agent;
  let keys: string;

  beforeAll(async () => {
    sshd = await startSshd();
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    keys = mkdtempSync(join(tmpdir(), 'borgitory-userkey-'));
  });
  afterAll(async () => {
    await testApp.close();
    await sshd.stop();
    rmSync(keys, { recursive: true, force: true });
  });

  const location = (name: string) => `ssh://root@127.0.0.1:${sshd.port}${join(sshd.dir, name)}`;

  it("creates, tests and reads info of a remote repository with the server's own key", async () => {
    const publicKey = (await agent.get('/api/ssh/public-key').expect(200)).body.data.public_key;
    sshd.authorize(publicKey);

    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Remote', path: location('remote-repo'), passphrase: PASSPHRASE })
      .expect(201);
    expect(created.body.data).toMatchObject({
      is_remote: true,
      ssh_key_source: 'server',
      ssh_host_key_policy: 'accept-new',
      encryption: 'repokey-blake2',
    });
    expect(existsSync(join(sshd.dir, 'remote-repo', 'config'))).toBe(true);

    const test = await agent.post(`/api/repositories/${created.body.data.id}/test`).expect(200);
    expect(test.body.data).toMatchObject({ ok: true, archives_count: 0 });
    const info = await agent.get(`/api/repositories/${created.body.data.id}/info`).expect(200);
    expect(info.body.data.location).toContain('127.0.0.1');

    const knownHosts = readFileSync(join(testApp.dataDir, 'ssh', 'known_hosts'), 'utf8');
    expect(knownHosts).toContain(sshd.hostPublicKey.split(' ')[1]);
  });

  it('uses a private key given by the user, and never returns it', async () => {
    const keyFile = join(keys, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    sshd.authorize(readFileSync(`${keyFile}.pub`, 'utf8'));
    const privateKey = readFileSync(keyFile, 'utf8');

    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Remote custom key', path: location('custom-key-repo'), encryption: 'none', ssh_private_key: privateKey })
      .expect(201);
    expect(created.body.data.ssh_key_source).toBe('custom');
    expect(created.text).not.toContain('PRIVATE KEY');
    expect((await agent.post(`/api/repositories/${created.body.data.id}/test`).expect(200)).body.data.ok).toBe(true);
  });

  it('refuses a private key ssh cannot use', async () => {
    const response = await agent
      .post('/api/repositories')
      .send({ name: 'Bad key', path: location('bad-key'), encryption: 'none', ssh_private_key: 'not a key' })
      .expect(422);
    expect(Object.keys(response.body.error.details)).toEqual(['ssh_private_key']);
  });

  it('says when the host refuses the key', async () => {
    const keyFile = join(keys, 'unauthorised');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    const response = await agent
      .post('/api/repositories')
      .send({ name: 'Refused', path: location('refused'), encryption: 'none', ssh_private_key: readFileSync(keyFile, 'utf8') })
      .expect(422);
    expect(response.body.error).toMatchObject({ code: 'SSH_AUTHENTICATION_FAILED' });
  });

  it('says when the host cannot be reached', async () => {
    const closedPort = await freePort();
    const response = await agent
      .post('/api/repositories')
      .send({ name: 'Unreachable', path: `ssh://root@127.0.0.1:${closedPort}/srv/repo`, encryption: 'none' })
      .expect(422);
    expect(response.body.error).toMatchObject({
      code: 'SSH_CONNECTION_FAILED',
      message: expect.stringContaining(`127.0.0.1:${closedPort}`),
    });
  });

  it('refuses an unknown host key under the strict policy, with a clear error', async () => {
    const fresh = await startTestApp();
    try {
      const freshAgent = await setupAdmin(fresh);
      sshd.authorize((await freshAgent.get('/api/ssh/public-key').expect(200)).body.data.public_key);
      const response = await freshAgent
        .post('/api/repositories')
        .send({ name: 'Strict', path: location('strict-repo'), encryption: 'none', ssh_host_key_policy: 'strict' })
        .expect(422);
      expect(response.body.error).toMatchObject({
        code: 'SSH_HOST_KEY_REJECTED',
        message: expect.stringMatching(/host key of 127\.0\.0\.1:\d+ is not known/),
      });
      expect(existsSync(join(sshd.dir, 'strict-repo'))).toBe(false);

      await freshAgent
        .post('/api/repositories')
        .send({ name: 'Trusting', path: location('strict-repo'), encryption: 'none' })
        .expect(201);
    } finally {
      await fresh.close();
    }
  });
});
