import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, startSshd, type TestSshd } from '@borgitory/borg-runner/testing';
import Database from 'better-sqlite3';
import request, { type Agent, type Response } from 'supertest';
import { DATABASE_FILE } from '../src/platform/database/database-options';
import { waitForFinish } from './support/job-client';
import { exited, startServerProcess } from './support/server-process';
import { ADMIN } from './support/test-app';

jest.setTimeout(120_000);

/** A command that creates the marker file pwned-n, without a blank (which a URL or ssh's option parser might stop at). */
const touch = (n: number) => `touch$IFS"pwned-${n}"`;
const WRAPPED = ['borg', 'ssh', 'ssh-keyscan', 'rclone'];

type Via = 'create' | 'import' | 'update' | 'sftp' | 'sftp-update' | 'smb' | 'webdav';

interface Payload {
  via: Via;
  /** The field the 422 must name. */
  field: string;
  value: string;
}

/**
 * Remote locations and hosts an attacker might send, in every form one can take. `n` numbers the payload, so a file
 * it manages to create (`pwned-n`, or `pwned` for the issue's own payload) says which one did it.
 */
const PAYLOADS: Array<(n: number) => Payload> = [
  // ssh://user@host:port/path
  () => ({ via: 'create', field: 'path', value: 'ssh://-oProxyCommand=sh -c "id>pwned"@localhost/repo' }), // the payload
  (n) => ({ via: 'create', field: 'path', value: `ssh://-oProxyCommand=${touch(n)}@localhost/repo` }),
  (n) => ({ via: 'create', field: 'path', value: `ssh://-oProxyCommand=touch%20pwned-${n}@localhost/repo` }),
  (n) => ({ via: 'create', field: 'path', value: `ssh://-oProxyCommand=${touch(n)}/repo` }), // the host is the option
  (n) => ({ via: 'create', field: 'path', value: `ssh://-Epwned-${n}/repo` }), // ssh -E FILE appends its log to FILE
  (n) => ({ via: 'create', field: 'path', value: `ssh://-Epwned-${n}:2222/repo` }),
  (n) => ({ via: 'create', field: 'path', value: `ssh://%2dEpwned-${n}/repo` }),
  (n) => ({ via: 'create', field: 'path', value: `ssh://%2dEpwned-${n}@localhost/repo` }),
  () => ({ via: 'create', field: 'path', value: 'ssh://-F/dev/null@localhost/repo' }),
  (n) => ({ via: 'create', field: 'path', value: `ssh://backup@-oProxyCommand=${touch(n)}/repo` }), // "-" after the "@"
  (n) => ({ via: 'create', field: 'path', value: `ssh://-oProxyCommand=${touch(n)}@[::1]/repo` }),
  () => ({ via: 'create', field: 'path', value: 'ssh://localhost:-1/repo' }),
  () => ({ via: 'create', field: 'path', value: 'ssh://localhost:65536/repo' }),
  () => ({ via: 'create', field: 'path', value: 'ssh://localhost:0/repo' }),
  () => ({ via: 'create', field: 'path', value: 'ssh://localhost./repo' }), // trailing dot
  () => ({ via: 'create', field: 'path', value: 'ssh://bücher.example/repo' }), // IDN, not punycode
  () => ({ via: 'create', field: 'path', value: 'ssh://a@b@localhost/repo' }), // "@" in the user
  () => ({ via: 'create', field: 'path', value: 'ssh://backup@::1/repo' }), // IPv6 without brackets
  (n) => ({ via: 'create', field: 'path', value: `ssh://backup@localhost\t-Epwned-${n}/repo` }),
  (n) => ({ via: 'create', field: 'path', value: `ssh://backup@localhost\u00a0-Epwned-${n}/repo` }), // no-break space
  (n) => ({ via: 'create', field: 'path', value: `ssh://backup@localhost\u3000-Epwned-${n}/repo` }), // ideographic space
  () => ({ via: 'create', field: 'path', value: 'ssh://back\u0000up@localhost/repo' }),
  (n) => ({ via: 'create', field: 'path', value: `ssh://localhost -oProxyCommand=${touch(n)}/repo` }),
  () => ({ via: 'create', field: 'path', value: 'ssh://0x7f.1/repo' }), // an IPv4 address in disguise
  // [user@]host:path
  () => ({ via: 'create', field: 'path', value: '-oProxyCommand=sh -c "id>pwned"@localhost:repo' }),
  (n) => ({ via: 'create', field: 'path', value: `-oProxyCommand=${touch(n)}@localhost:repo` }),
  (n) => ({ via: 'create', field: 'path', value: `-Epwned-${n}:repo` }),
  (n) => ({ via: 'create', field: 'path', value: `-Epwned-${n}@localhost:repo` }),
  (n) => ({ via: 'create', field: 'path', value: `backup@-Epwned-${n}:repo` }),
  () => ({ via: 'create', field: 'path', value: '-F/dev/null@localhost:repo' }),
  (n) => ({ via: 'create', field: 'path', value: `localhost -oProxyCommand=${touch(n)}:repo` }),
  () => ({ via: 'create', field: 'path', value: 'backup@localhost.:repo' }),
  () => ({ via: 'create', field: 'path', value: 'backup@::1:repo' }),
  (n) => ({ via: 'create', field: 'path', value: `%2dEpwned-${n}:repo` }),
  (n) => ({ via: 'create', field: 'path', value: `back\tup@localhost:pwned-${n}` }),
  (n) => ({ via: 'create', field: 'path', value: `backup@local\u2028host:pwned-${n}` }),
  // importing and changing a repository reach borg the same way
  (n) => ({ via: 'import', field: 'path', value: `ssh://-oProxyCommand=${touch(n)}@localhost/repo` }),
  (n) => ({ via: 'import', field: 'path', value: `-Epwned-${n}:repo` }),
  (n) => ({ via: 'update', field: 'path', value: `ssh://-oProxyCommand=${touch(n)}/repo` }),
  (n) => ({ via: 'update', field: 'path', value: `-oProxyCommand=${touch(n)}@localhost:repo` }),
  // cloud sync: the SFTP host reaches ssh-keyscan and rclone; SMB and WebDAV hosts reach rclone
  (n) => ({ via: 'sftp', field: 'provider_config.host', value: `-oProxyCommand=${touch(n)}` }),
  () => ({ via: 'sftp', field: 'provider_config.host', value: '-V' }),
  () => ({ via: 'sftp', field: 'provider_config.host', value: 'localhost -oX' }),
  () => ({ via: 'sftp', field: 'provider_config.host', value: '%2dV' }),
  () => ({ via: 'sftp', field: 'provider_config.host', value: 'localhost.' }),
  () => ({ via: 'sftp', field: 'provider_config.host', value: 'bücher.example' }),
  () => ({ via: 'sftp', field: 'provider_config.host', value: 'local\thost' }),
  () => ({ via: 'sftp', field: 'provider_config.host', value: '[::1' }),
  () => ({ via: 'sftp', field: 'provider_config.user', value: '-oProxyCommand=x' }),
  () => ({ via: 'sftp', field: 'provider_config.user', value: '-F/dev/null' }),
  () => ({ via: 'sftp', field: 'provider_config.user', value: 'a@b' }),
  () => ({ via: 'sftp-update', field: 'provider_config.host', value: '-J' }),
  () => ({ via: 'smb', field: 'provider_config.host', value: '-oX' }),
  () => ({ via: 'webdav', field: 'provider_config.url', value: 'http://-oProxyCommand=x/dav' }),
];

/**
 * Issue 13, item 1: a repository location (or a cloud sync host) must never put an option on ssh's command line.
 * The real server runs with its working directory in a temporary directory and with borg, ssh, ssh-keyscan and rclone
 * behind wrappers that log every start and then run the real program. Each payload must be refused with 422 naming
 * the field, start no process and create no file; a valid remote location still reaches ssh through the wrappers.
 */
describe('remote locations and hosts cannot become command-line options', () => {
  let root: string;
  let cwd: string;
  let callLog: string;
  let sshd: TestSshd;
  let server: ChildProcess;
  let agent: Agent;
  let localRepositoryId: number;
  let sftpConfigId: number;

  const calls = (): string[] => (existsSync(callLog) ? readFileSync(callLog, 'utf8').split('\n').filter(Boolean) : []);
  const markers = (): string[] => [...readdirSync(cwd), ...readdirSync(root)].filter((name) => name.startsWith('pwned'));

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'borgitory-remote-locations-'));
    cwd = join(root, 'cwd');
    callLog = join(root, 'calls.log');
    const bin = join(root, 'bin');
    mkdirSync(cwd);
    mkdirSync(bin);
    for (const name of WRAPPED) {
      const real = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      const wrapper = join(bin, name);
      writeFileSync(
        wrapper,
        `#!/bin/sh\n{ printf '%s' '${name}'; for a in "$@"; do printf ' %s' "$a"; done; echo; } >> '${callLog}'\nexec '${real}' "$@"\n`,
      );
      chmodSync(wrapper, 0o755);
    }
    sshd = await startSshd();
    const port = await freePort();
    server = await startServerProcess(join(root, 'data'), port, {
      cwd,
      env: { PATH: `${bin}:${process.env.PATH}`, BORG_BIN: join(bin, 'borg'), RCLONE_BIN: join(bin, 'rclone') },
    });
    agent = request.agent(`http://127.0.0.1:${port}`);
    await agent.post('/api/auth/setup').send(ADMIN).expect(201);
    localRepositoryId = (
      await agent
        .post('/api/repositories')
        .send({ name: 'Local', path: join(root, 'local-repo'), encryption: 'none' })
        .expect(201)
    ).body.data.id;
    sftpConfigId = (await agent.post('/api/cloud-sync/configs').send(sftpConfig('Existing', {})).expect(201)).body.data.id;
  });
  afterAll(async () => {
    if (server) {
      server.kill('SIGTERM');
      await exited(server);
    }
    await sshd?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  function sftpConfig(name: string, fields: Record<string, unknown>) {
    return { name, provider: 'sftp', provider_config: { host: 'localhost', user: 'backup', password: 'secret', ...fields } };
  }

  function send({ via, field, value }: Payload, n: number): Promise<Response> {
    const name = `payload ${n}`;
    const providerField = field.replace(/^provider_config\./, '');
    switch (via) {
      case 'create':
        return agent.post('/api/repositories').send({ name, path: value, encryption: 'none' });
      case 'import':
        return agent.post('/api/repositories').send({ name, path: value, initialize: false });
      case 'update':
        return agent.put(`/api/repositories/${localRepositoryId}`).send({ path: value });
      case 'sftp':
        return agent.post('/api/cloud-sync/configs').send(sftpConfig(name, { [providerField]: value }));
      case 'sftp-update':
        return agent.put(`/api/cloud-sync/configs/${sftpConfigId}`).send(sftpConfig(name, { [providerField]: value }));
      case 'smb':
        return agent.post('/api/cloud-sync/configs').send({ name, provider: 'smb', provider_config: { host: value, share: 'backups' } });
      case 'webdav':
        return agent.post('/api/cloud-sync/configs').send({ name, provider: 'webdav', provider_config: { url: value } });
    }
  }

  const cases = PAYLOADS.map((make, index) => ({ n: index + 1, payload: make(index + 1) }));

  it('has at least 30 payloads', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.n, c.payload.via, JSON.stringify(c.payload.value), c]))(
    '%i: %s %s is refused with 422, starts no process and creates no file',
    async (_n, _via, _shown, { n, payload }) => {
      const before = { calls: calls().length, markers: markers() };
      const response = await send(payload, n);
      const outcome = {
        status: response.status,
        code: response.body.error?.code,
        fields: Object.keys(response.body.error?.details ?? {}),
        started: calls().slice(before.calls),
        created: markers().filter((name) => !before.markers.includes(name)),
      };
      expect(outcome).toEqual({ status: 422, code: 'VALIDATION_ERROR', fields: [payload.field], started: [], created: [] });
    },
  );

  it('a path stored before these rules is never given to borg, and can be changed', async () => {
    const legacy = `ssh://-oProxyCommand=${touch(0)}@localhost/repo`;
    const db = new Database(join(root, 'data', DATABASE_FILE));
    try {
      db.prepare('UPDATE repositories SET path = ? WHERE id = ?').run(legacy, localRepositoryId);
    } finally {
      db.close();
    }
    const before = calls().length;
    const listed = (await agent.get(`/api/repositories/${localRepositoryId}`).expect(200)).body.data;
    expect(listed).toMatchObject({ path: legacy, is_remote: true });
    for (const attempt of [
      agent.post(`/api/repositories/${localRepositoryId}/test`),
      agent.get(`/api/repositories/${localRepositoryId}/info`),
    ]) {
      const response = await attempt;
      expect({ status: response.status, code: response.body.error?.code, fields: Object.keys(response.body.error?.details ?? {}) }).toEqual(
        {
          status: 422,
          code: 'VALIDATION_ERROR',
          fields: ['path'],
        },
      );
    }
    const backup = await agent.post('/api/backups/manual').send({ repository_id: localRepositoryId, source_path: root }).expect(201);
    const job = await waitForFinish(agent, backup.body.data.id);
    expect({ status: job.status, code: job.error?.code }).toEqual({ status: 'failed', code: 'VALIDATION_ERROR' });
    expect(calls().slice(before)).toEqual([]);
    expect(markers()).toEqual([]);

    await agent
      .put(`/api/repositories/${localRepositoryId}`)
      .send({ path: join(root, 'local-repo') })
      .expect(200);
    expect((await agent.post(`/api/repositories/${localRepositoryId}/test`).expect(200)).body.data).toMatchObject({ ok: true });
  });

  it('a valid ssh location still starts borg and ssh through the wrappers (so the checks above could fail)', async () => {
    sshd.authorize((await agent.get('/api/ssh/public-key').expect(200)).body.data.public_key);
    const before = calls().length;
    const location = `ssh://root@127.0.0.1:${sshd.port}${join(sshd.dir, 'valid-repo')}`;
    await agent.post('/api/repositories').send({ name: 'Valid remote', path: location, encryption: 'none' }).expect(201);
    const started = calls().slice(before);
    expect(started).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^borg .* init /),
        expect.stringMatching(/^ssh .* -p \d+ root@127\.0\.0\.1 borg serve/),
      ]),
    );
    expect(markers()).toEqual([]);
  });

  it('a valid SFTP host still starts ssh-keyscan and rclone through the wrappers', async () => {
    const privateKey = readFileSync(sshd.authorizeNewKey(join(root, 'sftp_key')), 'utf8');
    const body = {
      ...sftpConfig('Valid SFTP', { host: '127.0.0.1', port: sshd.port, user: 'root', private_key: privateKey }),
      path_prefix: join(sshd.dir, 'offsite'),
    };
    delete (body.provider_config as Record<string, unknown>)['password'];
    const created = await agent.post('/api/cloud-sync/configs').send(body).expect(201);
    const before = calls().length;
    const test = await agent.post(`/api/cloud-sync/configs/${created.body.data.id}/test`).expect(200);
    expect(test.body.data).toMatchObject({ ok: true });
    const started = calls().slice(before);
    expect(started).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ssh-keyscan .* -- 127\.0\.0\.1$/), expect.stringMatching(/^rclone /)]),
    );
    expect(markers()).toEqual([]);
  });
});
