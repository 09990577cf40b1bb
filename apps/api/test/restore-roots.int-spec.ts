import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent } from 'supertest';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery staple';

describe('restore roots: where an operator may restore', () => {
  let testApp: TestApp;
  let admin: Agent;
  let operator: Agent;
  let source: string;
  let root: string;
  let restore: (as: Agent, body: Record<string, unknown>) => Promise<{ status: number; body: { error?: { message: string } } }>;
  /** The archive's folder `notes`, with the components above it stripped. */
  let notes: { paths: string[]; strip_components: number };

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    root = join(testApp.dataDir, 'restores');
    source = writeTree(join(testApp.work, 'data'), { 'notes/todo.txt': 'original\n', 'notes/sub/deep.txt': 'deep\n' });
    const repositoryId = (
      await admin
        .post('/api/repositories')
        .send({ name: 'Notes', path: join(testApp.work, 'repo'), encryption: 'none' })
        .expect(201)
    ).body.data.id;
    const backup = await admin
      .post('/api/backups/manual')
      .send({ repository_id: repositoryId, source_path: source, archive_name: 'notes-1' })
      .expect(201);
    expect((await waitForFinish(admin, backup.body.data.id)).status).toBe('completed');
    await admin.post('/api/users').send({ username: 'otto', password: PASSWORD, role: 'operator' }).expect(201);
    operator = testApp.http();
    await operator.post('/api/auth/login').send({ username: 'otto', password: PASSWORD }).expect(200);
    restore = (as, body) => as.post(`/api/repositories/${repositoryId}/archives/notes-1/restore`).send(body);
    notes = { paths: [join(source, 'notes')], strip_components: source.split('/').length - 1 };
  });
  afterAll(() => testApp.close());

  it('tells each role where it may restore; the default root is made in the data directory', async () => {
    expect((await operator.get('/api/restore-roots').expect(200)).body.data).toEqual({ anywhere: false, roots: [root] });
    expect((await admin.get('/api/restore-roots').expect(200)).body.data).toEqual({ anywhere: true, roots: [] });
    expect(statSync(root).isDirectory()).toBe(true);
  });

  it('lets an operator restore inside a root', async () => {
    const started = await restore(operator, { ...notes, destination: root });
    expect(started.status).toBe(201);
    expect((await waitForFinish(operator, (started.body as { data: { id: number } }).data.id)).status).toBe('completed');
    expect(readFileSync(join(root, 'notes/todo.txt'), 'utf8')).toBe('original\n');
  });

  it('refuses an operator a destination outside the roots, or the original location, and lets an admin', async () => {
    const outside = join(testApp.work, 'elsewhere');
    mkdirSync(outside);
    const refused = await restore(operator, { ...notes, destination: outside });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe(
      `An operator may restore only inside ${root}; ${join(outside, 'notes')} is outside. Choose a destination there, or ask an admin.`,
    );

    writeFileSync(join(source, 'notes/todo.txt'), 'changed\n');
    const original = await restore(operator, { paths: notes.paths, to_original_location: true, overwrite: true });
    expect(original.status).toBe(403);
    expect(original.body.error?.message).toContain(`${join(source, 'notes')} is outside`);
    expect(readFileSync(join(source, 'notes/todo.txt'), 'utf8')).toBe('changed\n');

    const byAdmin = await restore(admin, { ...notes, destination: outside });
    expect(byAdmin.status).toBe(201);
  });

  it('sees through symbolic links: a destination that leads out, and a link in the way of an overwrite', async () => {
    const outside = join(testApp.work, 'target-of-links');
    mkdirSync(outside);
    symlinkSync(outside, join(root, 'shortcut'));
    const throughLink = await restore(operator, { ...notes, destination: join(root, 'shortcut') });
    expect(throughLink.status).toBe(403);
    expect(throughLink.body.error?.message).toContain(`${join(root, 'shortcut', 'notes')} is outside`);

    // borg would write notes/sub/deep.txt through the link `sub` that stands in the way.
    const trap = join(root, 'trap');
    mkdirSync(join(trap, 'notes'), { recursive: true });
    symlinkSync(outside, join(trap, 'notes', 'sub'));
    const overwrite = await restore(operator, { ...notes, destination: trap, overwrite: true });
    expect(overwrite.status).toBe(403);
    expect(overwrite.body.error?.message).toContain(`${join(trap, 'notes', 'sub')} is a link that leads out`);
    const inside = join(root, 'inside-link');
    mkdirSync(inside);
    symlinkSync(join(root, 'notes'), join(inside, 'notes'));
    expect((await restore(operator, { ...notes, destination: inside, overwrite: true })).status).toBe(201);
  });
});
