import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { startSshd, TestSshd } from '@borgitory/borg-runner/testing';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password 42';

/** What ssh-keygen prints as the SHA256 fingerprint of a public key line. */
function fingerprint(publicKey: string): string {
  return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', '-'], { input: publicKey }).toString().split(/\s+/)[1];
}

describe('hosts', () => {
  let testApp: TestApp;
  let admin: Agent;
  let sshd: TestSshd;
  let knownHostsFile: string;
  /** The sshd's host key line without a comment. */
  let hostKey: string;

  async function logIn(username: string): Promise<Agent> {
    const agent = testApp.http();
    await agent.post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    return agent;
  }

  const knownHosts = () => (existsSync(knownHostsFile) ? readFileSync(knownHostsFile, 'utf8') : '');
  /** The keys ssh-keygen finds in the known_hosts file for a name (it reads hashed lines too). */
  const keysFor = (name: string) => {
    if (!existsSync(knownHostsFile)) return [];
    try {
      return execFileSync('ssh-keygen', ['-F', name, '-f', knownHostsFile])
        .toString()
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => line.split(' ').slice(1, 3).join(' '));
    } catch {
      return []; // ssh-keygen -F exits 1 when it finds nothing
    }
  };

  /** Runs `echo` on the sshd as root with Borgitory's own key and known_hosts; what ssh learns it writes hashed. */
  async function sshEcho(policy: 'yes' | 'accept-new'): Promise<string> {
    const identity = join(testApp.dataDir, 'ssh', 'id_ed25519');
    return execFileSync(
      'ssh',
      [
        '-i',
        identity,
        '-o',
        'BatchMode=yes',
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        `UserKnownHostsFile=${knownHostsFile}`,
        '-o',
        `StrictHostKeyChecking=${policy}`,
        '-o',
        'HashKnownHosts=yes',
        '-p',
        String(sshd.port),
        '--',
        'root@127.0.0.1',
        'echo pulled',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    ).toString();
  }

  beforeAll(async () => {
    sshd = await startSshd();
    hostKey = sshd.hostPublicKey.split(' ').slice(0, 2).join(' ');
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    knownHostsFile = join(testApp.dataDir, 'ssh', 'known_hosts');
    for (const role of ['viewer', 'operator'] as const) {
      await admin.post('/api/users').send({ username: role, password: PASSWORD, role }).expect(201);
    }
  });
  afterAll(async () => {
    await testApp.close();
    await sshd.stop();
  });

  it('creates, reads, lists, changes in part and deletes a host', async () => {
    const created = await admin.post('/api/hosts').send({ name: 'NAS', address: 'ssh://backup@nas.example:2222' }).expect(201);
    const host = created.body.data;
    expect(created.body.status).toBe('success');
    expect(host).toEqual({
      id: expect.any(Number),
      name: 'NAS',
      address: 'ssh://backup@nas.example:2222',
      ssh_user: 'backup',
      hostname: 'nas.example',
      port: 2222,
      host_key_policy: 'accept-new',
      host_key_fingerprint: null,
      last_test: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect((await admin.get(`/api/hosts/${host.id}`).expect(200)).body.data).toEqual(host);
    const listed = await admin.get('/api/hosts').expect(200);
    expect(listed.body.data).toEqual([host]);
    expect(listed.body.meta).toEqual({ total: 1, limit: expect.any(Number), offset: 0 });

    const renamed = await admin.put(`/api/hosts/${host.id}`).send({ name: 'Big NAS' }).expect(200);
    expect(renamed.body.data).toMatchObject({ name: 'Big NAS', address: 'ssh://backup@nas.example:2222', host_key_policy: 'accept-new' });
    const moved = await admin.put(`/api/hosts/${host.id}`).send({ address: 'ssh://root@[2001:DB8::7]' }).expect(200);
    expect(moved.body.data).toMatchObject({
      name: 'Big NAS',
      address: 'ssh://root@[2001:db8::7]:22',
      ssh_user: 'root',
      hostname: '2001:db8::7',
      port: 22,
    });

    await admin.delete(`/api/hosts/${host.id}`).expect(204);
    const gone = await admin.get(`/api/hosts/${host.id}`).expect(404);
    expect(gone.body.error.code).toBe('HOST_NOT_FOUND');
    expect((await admin.put(`/api/hosts/${host.id}`).send({ name: 'x' }).expect(404)).body.error.code).toBe('HOST_NOT_FOUND');
    expect((await admin.delete(`/api/hosts/${host.id}`).expect(404)).body.error.code).toBe('HOST_NOT_FOUND');
  });

  it('refuses a taken name with 409 on the field name', async () => {
    const first = await admin.post('/api/hosts').send({ name: 'Taken', address: 'ssh://u@taken.example' }).expect(201);
    const clash = await admin.post('/api/hosts').send({ name: 'Taken', address: 'ssh://u@other.example' }).expect(409);
    expect(clash.body.error).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const other = await admin.post('/api/hosts').send({ name: 'Other', address: 'ssh://u@other.example' }).expect(201);
    await admin.put(`/api/hosts/${other.body.data.id}`).send({ name: 'Taken' }).expect(409);
    await admin.delete(`/api/hosts/${first.body.data.id}`).expect(204);
    await admin.delete(`/api/hosts/${other.body.data.id}`).expect(204);
  });

  it.each([
    ['ssh://-oProxyCommand=x@h', 'The user is refused'],
    ['ssh://u@-oProxyCommand=x', 'The host is refused'],
    ['ssh://u@h:0', 'The port is refused'],
    ['ssh://u@h:99999', 'The port is refused'],
    ['ssh://u@h;rm', 'The host is refused'],
    ['ssh://h:22', 'A user is required'],
    ['http://u@h', 'Must be ssh://user@host'],
    ['ssh://u@my host', 'The host is refused'],
    ['ssh://u@h /x', 'without a path'],
    ['ssh://u@2001:db8::1', 'an IPv6 address in brackets'],
    ['ssh://u@h/srv', 'without a path'],
  ])('refuses the address %j with 422 on the field address', async (address, problem) => {
    const response = await admin.post('/api/hosts').send({ name: 'Bad', address }).expect(422);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(response.body.error.details)).toEqual(['address']);
    expect(response.body.error.details.address[0]).toContain(problem);
  });

  it('refuses a bad address on PUT too, and keeps the host as it was', async () => {
    const host = (await admin.post('/api/hosts').send({ name: 'Kept', address: 'ssh://u@kept.example' }).expect(201)).body.data;
    const response = await admin.put(`/api/hosts/${host.id}`).send({ address: 'ssh://u@kept.example:0' }).expect(422);
    expect(Object.keys(response.body.error.details)).toEqual(['address']);
    expect((await admin.get(`/api/hosts/${host.id}`).expect(200)).body.data.address).toBe('ssh://u@kept.example:22');
    await admin.delete(`/api/hosts/${host.id}`).expect(204);
  });

  it('refuses strict without a host key, a malformed key, unknown fields and null for a required field', async () => {
    const address = `ssh://root@127.0.0.1:${sshd.port}`;
    const missing = await admin.post('/api/hosts').send({ name: 'Strict', address, host_key_policy: 'strict' }).expect(422);
    expect(Object.keys(missing.body.error.details)).toEqual(['host_key']);
    for (const key of ['ssh-ed25519', 'ssh-ed25519 AAAA', `ssh-rsa ${hostKey.split(' ')[1]}`, `${hostKey}\n${hostKey}`, 'hello']) {
      const malformed = await admin
        .post('/api/hosts')
        .send({ name: 'Strict', address, host_key_policy: 'strict', host_key: key })
        .expect(422);
      expect(Object.keys(malformed.body.error.details)).toEqual(['host_key']);
    }
    const both = await admin.post('/api/hosts').send({ name: 'Strict', address: 'ssh://u@h:0', host_key: 'nope' }).expect(422);
    expect(Object.keys(both.body.error.details).sort()).toEqual(['address', 'host_key']);
    const unknown = await admin.post('/api/hosts').send({ name: 'Strict', address, password: 'secret' }).expect(422);
    expect(Object.keys(unknown.body.error.details)).toEqual(['password']);
    const nulled = await admin.post('/api/hosts').send({ name: 'Strict', address: null }).expect(422);
    expect(Object.keys(nulled.body.error.details)).toEqual(['address']);
    expect(knownHosts()).not.toContain(hostKey.split(' ')[1]);
    expect((await admin.get('/api/hosts').expect(200)).body.meta.total).toBe(0);
  });

  it("writes a strict host's key for [host]:port, which ssh then enforces, and removes it on delete", async () => {
    const name = `[127.0.0.1]:${sshd.port}`;
    const created = await admin
      .post('/api/hosts')
      .send({ name: 'Strict', address: `ssh://root@127.0.0.1:${sshd.port}`, host_key_policy: 'strict', host_key: `${hostKey} root@sshd` })
      .expect(201);
    const host = created.body.data;
    expect(host).toMatchObject({ host_key_policy: 'strict', host_key_fingerprint: fingerprint(sshd.hostPublicKey) });
    expect(created.text).not.toContain(hostKey.split(' ')[1]);
    expect(knownHosts()).toBe(`${name} ${hostKey}\n`);

    const line = (await admin.get('/api/hosts/authorized-key').expect(200)).body.data.authorized_key;
    sshd.authorize(line);
    expect(await sshEcho('yes')).toBe('pulled\n');

    // Another key for the address replaces the stored one: ssh refuses the real host now.
    const other = otherKey();
    const changed = await admin.put(`/api/hosts/${host.id}`).send({ host_key: other }).expect(200);
    expect(changed.body.data.host_key_fingerprint).toBe(fingerprint(other));
    expect(keysFor(name)).toEqual([other]);
    await expect(sshEcho('yes')).rejects.toThrow();
    await admin.put(`/api/hosts/${host.id}`).send({ host_key: hostKey }).expect(200);

    // A strict host moved to an address without a known key needs one.
    const moved = await admin.put(`/api/hosts/${host.id}`).send({ address: 'ssh://root@moved.example' }).expect(422);
    expect(Object.keys(moved.body.error.details)).toEqual(['host_key']);

    await admin.delete(`/api/hosts/${host.id}`).expect(204);
    expect(keysFor(name)).toEqual([]);
  });

  it('shows the key ssh learned at the first connection of an accept-new host, and forgets it on delete', async () => {
    const name = `[127.0.0.1]:${sshd.port}`;
    const host = (
      await admin
        .post('/api/hosts')
        .send({ name: 'Learning', address: `ssh://root@127.0.0.1:${sshd.port}` })
        .expect(201)
    ).body.data;
    expect(host.host_key_fingerprint).toBeNull();
    expect(await sshEcho('accept-new')).toBe('pulled\n');
    expect(keysFor(name)).toEqual([hostKey]);
    expect(knownHosts()).toMatch(/^\|1\|/);
    expect((await admin.get(`/api/hosts/${host.id}`).expect(200)).body.data.host_key_fingerprint).toBe(fingerprint(sshd.hostPublicKey));

    // Moving the host to another address forgets the old address's key.
    await admin.put(`/api/hosts/${host.id}`).send({ address: 'ssh://root@elsewhere.example' }).expect(200);
    expect(keysFor(name)).toEqual([]);
    await admin.delete(`/api/hosts/${host.id}`).expect(204);
  });

  it('keeps a key that a repository or another host at the same address still needs', async () => {
    const name = `[127.0.0.1]:${sshd.port}`;
    const address = `ssh://root@127.0.0.1:${sshd.port}`;
    const first = (await admin.post('/api/hosts').send({ name: 'First', address, host_key: hostKey }).expect(201)).body.data;
    const second = (
      await admin
        .post('/api/hosts')
        .send({ name: 'Second', address: `ssh://backup@127.0.0.1:${sshd.port}` })
        .expect(201)
    ).body.data;
    expect(second.host_key_fingerprint).toBe(first.host_key_fingerprint);
    await admin.delete(`/api/hosts/${first.id}`).expect(204);
    expect(keysFor(name)).toEqual([hostKey]);

    const repository = await admin
      .post('/api/repositories')
      .send({ name: 'On the host', path: `${address}${join(sshd.dir, 'repo')}`, encryption: 'none' })
      .expect(201);
    await admin.delete(`/api/hosts/${second.id}`).expect(204);
    expect(keysFor(name)).toEqual([hostKey]);

    const third = (await admin.post('/api/hosts').send({ name: 'Third', address }).expect(201)).body.data;
    await admin.delete(`/api/repositories/${repository.body.data.id}`).expect(204);
    await admin.delete(`/api/hosts/${third.id}`).expect(204);
    expect(keysFor(name)).toEqual([]);
  });

  it("answers Borgitory's own key as a restricted authorized_keys line, to admins only", async () => {
    const response = await admin.get('/api/hosts/authorized-key').expect(200);
    const line: string = response.body.data.authorized_key;
    expect(line.startsWith('restrict,port-forwarding ssh-ed25519 ')).toBe(true);
    const serverKey = (await admin.get('/api/ssh/public-key').expect(200)).body.data.public_key;
    expect(line).toBe(`restrict,port-forwarding ${serverKey}`);
    expect(readFileSync(join(testApp.dataDir, 'ssh', 'id_ed25519.pub'), 'utf8').trim()).toBe(serverKey);
    const viewer = await logIn('viewer');
    await viewer.get('/api/hosts/authorized-key').expect(403);
    expect((await admin.put('/api/hosts/authorized-key').send({ name: 'x' }).expect(405)).headers['allow']).toBe('GET, HEAD');
  });

  it('lets viewers read hosts and only admins change them', async () => {
    const host = (await admin.post('/api/hosts').send({ name: 'Roles', address: 'ssh://u@roles.example' }).expect(201)).body.data;
    const viewer = await logIn('viewer');
    const operator = await logIn('operator');
    await viewer.get('/api/hosts').expect(200);
    await viewer.get(`/api/hosts/${host.id}`).expect(200);
    await viewer.post('/api/hosts').send({ name: 'Viewer', address: 'ssh://u@v.example' }).expect(403);
    await operator.post('/api/hosts').send({ name: 'Operator', address: 'ssh://u@o.example' }).expect(403);
    await operator.put(`/api/hosts/${host.id}`).send({ name: 'Operator' }).expect(403);
    await operator.delete(`/api/hosts/${host.id}`).expect(403);
    await operator.get('/api/hosts/authorized-key').expect(403);
    await admin.delete(`/api/hosts/${host.id}`).expect(204);
  });

  it('records changes in the audit trail without the host key', async () => {
    const host = (await admin.post('/api/hosts').send({ name: 'Audited', address: 'ssh://u@audit.example', host_key: hostKey }).expect(201))
      .body.data;
    await admin.put(`/api/hosts/${host.id}`).send({ name: 'Audited again' }).expect(200);
    await admin.delete(`/api/hosts/${host.id}`).expect(204);
    const actions = ['POST /api/v1/hosts', 'PUT /api/v1/hosts/{id}', 'DELETE /api/v1/hosts/{id}'];
    const audit = await admin.get(`/api/audit?action=${encodeURIComponent(actions.join(','))}&limit=100`).expect(200);
    const entries = audit.body.data.map((entry: { action: string; target: Record<string, string>; status: number }) => [
      entry.action,
      entry.target,
      entry.status,
    ]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['POST /api/v1/hosts', {}, 201],
        ['PUT /api/v1/hosts/{id}', { id: String(host.id) }, 200],
        ['DELETE /api/v1/hosts/{id}', { id: String(host.id) }, 204],
      ]),
    );
    expect(JSON.stringify(audit.body.data)).not.toContain(hostKey.split(' ')[1]);
  });

  it('filters the list by name and creation time, sorts it, and refuses an unknown filter', async () => {
    const names = ['Nightly docs', 'weekly DOCS', 'Photos'];
    const ids: number[] = [];
    for (const [index, name] of names.entries()) {
      ids.push(
        (
          await admin
            .post('/api/hosts')
            .send({ name, address: `ssh://u@list-${index}.example` })
            .expect(201)
        ).body.data.id,
      );
    }
    const listed = async (query: string) =>
      (await admin.get(`/api/hosts?${query}`).expect(200)).body.data.map((host: { name: string }) => host.name);
    expect(await listed('')).toEqual(['Nightly docs', 'Photos', 'weekly DOCS']);
    expect(await listed('q=docs&sort=-name')).toEqual(['weekly DOCS', 'Nightly docs']);
    expect(await listed('sort=-id')).toEqual(['Photos', 'weekly DOCS', 'Nightly docs']);
    expect(await listed(`created_after=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    expect((await admin.get('/api/hosts?hostname=x').expect(422)).body.error.details).toHaveProperty('hostname');
    expect((await admin.get('/api/hosts?sort=port').expect(422)).body.error.details).toHaveProperty('sort');
    for (const id of ids) await admin.delete(`/api/hosts/${id}`).expect(204);
  });
});

/** A second ed25519 public key line, made for the test. */
function otherKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'borgitory-hostkey-'));
  try {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'k')]);
    return readFileSync(join(dir, 'k.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
