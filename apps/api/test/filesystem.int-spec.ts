import { symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { writeTree } from '@borgitory/borg-runner/testing';
import { writeManyFiles } from './support/source-tree';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

describe('GET /api/filesystem/directory', () => {
  let testApp: TestApp;
  let agent: Agent;
  let work: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    agent = await setupAdmin(testApp);
    work = testApp.work;
  });
  afterAll(() => testApp.close());

  it('lists directories first, then files, by name, with the parent', async () => {
    writeTree(work, { 'b.txt': 'b', 'a.txt': 'a', 'zeta/x': 'x', 'alpha/y': 'y' });
    symlinkSync(join(work, 'a.txt'), join(work, 'link'));
    const response = await agent
      .get('/api/filesystem/directory')
      .query({ path: `${work}/` })
      .expect(200);
    expect(response.body.data).toEqual({
      path: work,
      parent: tmpdir(),
      truncated: false,
      entries: [
        { name: 'alpha', path: join(work, 'alpha'), type: 'directory' },
        { name: 'zeta', path: join(work, 'zeta'), type: 'directory' },
        { name: 'a.txt', path: join(work, 'a.txt'), type: 'file' },
        { name: 'b.txt', path: join(work, 'b.txt'), type: 'file' },
        { name: 'link', path: join(work, 'link'), type: 'symlink' },
      ],
    });
  });

  it('starts at / and stops at 1000 entries', async () => {
    const root = await agent.get('/api/filesystem/directory').expect(200);
    expect(root.body.data).toMatchObject({ path: '/', parent: null });
    const many = writeManyFiles(join(work, 'many'), 1200);
    const listing = await agent
      .get('/api/filesystem/directory')
      .query({ path: join(many, 'd0') })
      .expect(200);
    expect(listing.body.data.entries).toHaveLength(500);
    writeTree(join(work, 'flat'), Object.fromEntries(Array.from({ length: 1100 }, (_, i) => [`f${i}`, ''])));
    const flat = await agent
      .get('/api/filesystem/directory')
      .query({ path: join(work, 'flat') })
      .expect(200);
    expect(flat.body.data).toMatchObject({ truncated: true });
    expect(flat.body.data.entries).toHaveLength(1000);
  });

  it('answers clearly for a relative, missing or non-directory path', async () => {
    expect((await agent.get('/api/filesystem/directory').query({ path: 'etc' }).expect(400)).body.error.code).toBe('BAD_REQUEST');
    expect(
      (
        await agent
          .get('/api/filesystem/directory')
          .query({ path: join(work, 'nope') })
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
    await agent
      .get('/api/filesystem/directory')
      .query({ path: join(work, 'a.txt') })
      .expect(400);
  });
});
