import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { DataSource } from 'typeorm';
import { borgCli } from './support/borg-cli';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

const PASSPHRASE = 'correct horse battery staple 42';
const ENCRYPTION_MODES = ['none', 'repokey', 'repokey-blake2', 'keyfile', 'keyfile-blake2', 'authenticated', 'authenticated-blake2'];

describe('repositories on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;
  let work: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    work = testApp.work;
  });
  afterAll(() => testApp.close());

  const create = (body: Record<string, unknown>) => agent.post('/api/repositories').send(body);
  const total = async () => (await agent.get('/api/repositories').expect(200)).body.meta.total as number;

  it.each(ENCRYPTION_MODES)('creates a %s repository that borg can open', async (encryption) => {
    const path = join(work, `new-${encryption}`);
    const response = await create({
      name: `New ${encryption}`,
      path,
      encryption,
      ...(encryption === 'none' ? {} : { passphrase: PASSPHRASE }),
    }).expect(201);
    expect(response.body).toMatchObject({
      status: 'success',
      message: 'Repository created',
      data: { name: `New ${encryption}`, path, encryption, has_passphrase: encryption !== 'none', is_remote: false, archives_count: 0 },
    });
    expect(response.text).not.toContain(PASSPHRASE);
    expect(existsSync(join(path, 'config'))).toBe(true);

    const test = await agent.post(`/api/repositories/${response.body.data.id}/test`).expect(200);
    expect(test.body.data).toMatchObject({ ok: true, encryption, archives_count: 0, error: null });
  });

  it('keeps passphrases encrypted at rest', async () => {
    const rows = await testApp.app.get(DataSource).query('SELECT passphrase_secret FROM repositories WHERE passphrase_secret IS NOT NULL');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.passphrase_secret).toMatch(/^v1:/);
      expect(row.passphrase_secret).not.toContain(PASSPHRASE);
    }
  });

  it('imports a repository made with the borg CLI, reading its encryption and archives', async () => {
    const path = join(work, 'made-by-cli');
    const source = join(work, 'source');
    mkdirSync(source);
    writeFileSync(join(source, 'hello.txt'), 'hello borg\n');
    const cli = { baseDir: join(work, 'cli-base'), passphrase: PASSPHRASE };
    borgCli(['init', '--encryption=repokey', path], cli);
    borgCli(['create', `${path}::first`, source], cli);

    const imported = await create({ name: 'Made by CLI', path, passphrase: PASSPHRASE, initialize: false }).expect(201);
    expect(imported.body.data).toMatchObject({ encryption: 'repokey', archives_count: 1 });
    expect(imported.body.data.last_archive_at).not.toBeNull();
    expect(imported.body.data.original_size).toBeGreaterThan(0);
  });

  it('refuses a wrong passphrase with 422 and writes nothing', async () => {
    const path = join(work, 'wrong-pass');
    borgCli(['init', '--encryption=repokey-blake2', path], { baseDir: join(work, 'cli-base'), passphrase: PASSPHRASE });
    const before = await total();
    const response = await create({ name: 'Wrong', path, passphrase: 'not the passphrase', initialize: false }).expect(422);
    expect(response.body.error).toEqual({ code: 'BORG_PASSPHRASE_WRONG', message: 'The passphrase is wrong for this repository' });
    expect(await total()).toBe(before);
  });

  it('refuses to import a directory that is not a repository', async () => {
    const path = join(work, 'plain-directory');
    mkdirSync(path);
    const response = await create({ name: 'Plain', path, passphrase: PASSPHRASE, initialize: false }).expect(422);
    expect(response.body.error.code).toBe('REPOSITORY_NOT_FOUND');
  });

  it('answers 409 when a repository already exists at the path, telling the user to import it', async () => {
    const path = join(work, 'already-there');
    borgCli(['init', '--encryption=none', path], { baseDir: join(work, 'cli-base') });
    const response = await create({ name: 'Again', path, encryption: 'none' }).expect(409);
    expect(response.body.error.code).toBe('REPOSITORY_ALREADY_EXISTS');
    expect(response.body.error.message).toContain('"initialize": false');
  });

  it('refuses a duplicate name or an already registered path with 409', async () => {
    const first = await create({ name: 'Unique', path: join(work, 'unique'), encryption: 'none' }).expect(201);
    const sameName = await create({ name: 'unique', path: join(work, 'unique-2'), encryption: 'none' }).expect(409);
    expect(sameName.body.error).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    const samePath = await create({ name: 'Other', path: first.body.data.path, encryption: 'none', initialize: false }).expect(409);
    expect(samePath.body.error).toMatchObject({ code: 'CONFLICT', details: { field: 'path' } });
  });

  it('validates the request before running borg', async () => {
    const noPassphrase = await create({ name: 'X', path: join(work, 'x'), encryption: 'repokey' }).expect(422);
    expect(noPassphrase.body.error.details).toEqual({ passphrase: ['A passphrase is required for repokey encryption'] });
    const badPath = await create({ name: 'Y', path: 'relative/path', encryption: 'none' }).expect(422);
    expect(Object.keys(badPath.body.error.details)).toEqual(['path']);
    const badMode = await create({ name: 'Z', path: join(work, 'z'), encryption: 'rot13' }).expect(422);
    expect(Object.keys(badMode.body.error.details)).toEqual(['encryption']);
    expect(existsSync(join(work, 'x'))).toBe(false);
  });

  it('gives info with sizes and deduplication', async () => {
    const list = (await agent.get('/api/repositories?limit=200').expect(200)).body.data as { id: number; name: string }[];
    const imported = list.find((repository) => repository.name === 'Made by CLI');
    const info = await agent.get(`/api/repositories/${imported?.id}/info`).expect(200);
    expect(info.body.data).toMatchObject({ encryption: 'repokey', archives_count: 1, total_chunks: expect.any(Number) });
    expect(info.body.data.original_size).toBeGreaterThan(0);
    expect(info.body.data.deduplicated_size).toBeGreaterThan(0);
  });

  it('paginates the list', async () => {
    const all = await total();
    const page = await agent.get('/api/repositories?limit=2&offset=1').expect(200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta).toEqual({ total: all, limit: 2, offset: 1 });
    await agent.get('/api/repositories?limit=0').expect(400);
    await agent.get('/api/repositories?limit=201').expect(400);
  });

  it('exports a keyfile key that restores access from a fresh server', async () => {
    const path = join(work, 'keyfile-export');
    const created = await create({ name: 'Keyfile export', path, encryption: 'keyfile-blake2', passphrase: PASSPHRASE }).expect(201);
    const exported = await agent.get(`/api/repositories/${created.body.data.id}/key`).expect(200);
    expect(exported.body.data.key).toMatch(/^BORG_KEY /);
    expect(exported.body.data.filename).toBe('borgitory-keyfile-export.key');

    const fresh = await startTestApp();
    try {
      const freshAgent = await setupAdmin(fresh);
      const withoutKey = await freshAgent
        .post('/api/repositories')
        .send({ name: 'Restored', path, passphrase: PASSPHRASE, initialize: false })
        .expect(422);
      expect(withoutKey.body.error.code).toBe('BORG_KEY_MISSING');
      const restored = await freshAgent
        .post('/api/repositories')
        .send({ name: 'Restored', path, passphrase: PASSPHRASE, initialize: false, key_file: exported.body.data.key })
        .expect(201);
      expect(restored.body.data.encryption).toBe('keyfile-blake2');
      const test = await freshAgent.post(`/api/repositories/${restored.body.data.id}/test`).expect(200);
      expect(test.body.data.ok).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('has no key to export for an unencrypted repository', async () => {
    const created = await create({ name: 'No key', path: join(work, 'no-key'), encryption: 'none' }).expect(201);
    const response = await agent.get(`/api/repositories/${created.body.data.id}/key`).expect(409);
    expect(response.body.error.code).toBe('CONFLICT');
  });

  it('renames freely, verifies a new passphrase and follows a moved repository', async () => {
    const path = join(work, 'to-move');
    const created = await create({ name: 'To move', path, encryption: 'repokey', passphrase: PASSPHRASE }).expect(201);
    const id = created.body.data.id;

    await agent.put(`/api/repositories/${id}`).send({ name: 'Renamed' }).expect(200);
    const wrong = await agent.put(`/api/repositories/${id}`).send({ passphrase: 'guess' }).expect(422);
    expect(wrong.body.error.code).toBe('BORG_PASSPHRASE_WRONG');

    const moved = join(work, 'moved-here');
    renameSync(path, moved);
    const lost = await agent.post(`/api/repositories/${id}/test`).expect(200);
    expect(lost.body.data).toMatchObject({ ok: false, error: { code: 'REPOSITORY_NOT_FOUND' } });

    const updated = await agent.put(`/api/repositories/${id}`).send({ path: moved }).expect(200);
    expect(updated.body.data).toMatchObject({ name: 'Renamed', path: moved, has_passphrase: true });
    expect((await agent.post(`/api/repositories/${id}/test`).expect(200)).body.data.ok).toBe(true);
  });

  it('deletes the entry but keeps the data unless asked, and then really deletes it', async () => {
    const kept = await create({ name: 'Kept data', path: join(work, 'kept'), encryption: 'none' }).expect(201);
    await agent.delete(`/api/repositories/${kept.body.data.id}`).expect(204);
    await agent.get(`/api/repositories/${kept.body.data.id}`).expect(404);
    expect(existsSync(join(work, 'kept', 'config'))).toBe(true);

    const gone = await create({ name: 'Deleted data', path: join(work, 'gone'), encryption: 'keyfile', passphrase: PASSPHRASE }).expect(
      201,
    );
    const keysDir = join(testApp.dataDir, 'borg', '.config', 'borg', 'keys');
    const keysBefore = readdirSync(keysDir).length;
    await agent.delete(`/api/repositories/${gone.body.data.id}?delete_data=true`).expect(204);
    expect(existsSync(join(work, 'gone'))).toBe(false);
    expect(readdirSync(keysDir)).toHaveLength(keysBefore - 1);
    await agent.delete(`/api/repositories/${gone.body.data.id}`).expect(404);
  });

  it('breaks a lock', async () => {
    const created = await create({ name: 'Locked', path: join(work, 'locked'), encryption: 'none' }).expect(201);
    const response = await agent.post(`/api/repositories/${created.body.data.id}/break-lock`).expect(200);
    expect(response.body).toEqual({ status: 'success', data: null, message: 'Lock broken' });
  });

  it("shows the server's own ssh public key", async () => {
    const response = await agent.get('/api/ssh/public-key').expect(200);
    expect(response.body.data.public_key).toMatch(/^ssh-ed25519 AAAA\S+ borgitory@/);
    expect(response.body.data.fingerprint).toMatch(/^SHA256:/);
    const again = await agent.get('/api/ssh/public-key').expect(200);
    expect(again.body.data.public_key).toBe(response.body.data.public_key);
  });

  it('answers 404 for an unknown repository and 400 for a malformed id', async () => {
    expect((await agent.get('/api/repositories/9999').expect(404)).body.error.code).toBe('NOT_FOUND');
    expect((await agent.get('/api/repositories/abc').expect(400)).body.error.code).toBe('BAD_REQUEST');
  });
});
