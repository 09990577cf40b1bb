import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent } from 'supertest';
import { waitForFinish } from './support/job-client';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

describe('restoring to the original location on real borg', () => {
  let testApp: TestApp;
  let agent: Agent;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('puts a changed file back as it was backed up, only when overwrite is confirmed', async () => {
    const source = writeTree(join(testApp.work, 'data'), { 'notes/todo.txt': 'original\n', 'notes/keep.txt': 'kept\n' });
    const created = await agent
      .post('/api/repositories')
      .send({ name: 'Original', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    const repositoryId = created.body.data.id;
    const backup = await agent
      .post('/api/backups/manual')
      .send({ repository_id: repositoryId, source_path: source, archive_name: 'before' })
      .expect(201);
    expect((await waitForFinish(agent, backup.body.data.id, 120_000)).status).toBe('completed');

    const todo = join(source, 'notes/todo.txt');
    writeFileSync(todo, 'changed afterwards\n');
    writeFileSync(join(source, 'notes/new.txt'), 'not in the archive\n');
    const restore = (body: Record<string, unknown>) => agent.post(`/api/repositories/${repositoryId}/archives/before/restore`).send(body);

    const unconfirmed = await restore({ paths: [join(source, 'notes')], to_original_location: true }).expect(422);
    expect(Object.keys(unconfirmed.body.error.details)).toEqual(['overwrite']);
    const contradicting = await restore({
      paths: [join(source, 'notes')],
      to_original_location: true,
      overwrite: true,
      destination: testApp.work,
    }).expect(422);
    expect(Object.keys(contradicting.body.error.details)).toEqual(['destination']);
    await restore({ paths: ['../etc'], to_original_location: true, overwrite: true }).expect(400);
    expect(readFileSync(todo, 'utf8')).toBe('changed afterwards\n');

    const started = await restore({ paths: [join(source, 'notes')], to_original_location: true, overwrite: true }).expect(201);
    expect(started.body.data.parameters).toMatchObject({ destination: '/', strip_components: 0, overwrite: true });
    expect((await waitForFinish(agent, started.body.data.id, 60_000)).status).toBe('completed');
    expect(readFileSync(todo, 'utf8')).toBe('original\n');
    expect(readFileSync(join(source, 'notes/keep.txt'), 'utf8')).toBe('kept\n');
    expect(readFileSync(join(source, 'notes/new.txt'), 'utf8')).toBe('not in the archive\n');
  });
});
