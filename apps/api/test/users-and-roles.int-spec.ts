import { join } from 'node:path';
import { writeTree } from '@borgitory/borg-runner/testing';
import type { Agent } from 'supertest';
import { browseWhenIndexed } from './support/archive-client';
import { waitForFinish } from './support/job-client';
import { ADMIN, setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery staple';
const HOOK = { name: 'Say hello', command: ['echo', 'hello'] };

describe('users and roles', () => {
  let testApp: TestApp;
  let admin: Agent;
  let source: string;
  let repositoryId: number;
  let archive: string;
  const userIds: Record<string, number> = {};

  async function logIn(username: string, password = PASSWORD): Promise<Agent> {
    const agent = testApp.http();
    await agent.post('/api/auth/login').send({ username, password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    source = writeTree(join(testApp.work, 'source'), { 'notes.txt': 'remember the milk', 'photos/cat.jpg': 'meow' });
    const created = await admin
      .post('/api/repositories')
      .send({ name: 'Documents', path: join(testApp.work, 'repo'), encryption: 'none' })
      .expect(201);
    repositoryId = created.body.data.id;
    const started = await admin.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201);
    expect((await waitForFinish(admin, started.body.data.id)).status).toBe('completed');
    archive = (await admin.get(`/api/repositories/${repositoryId}/archives`).expect(200)).body.data[0].name;
    for (const role of ['viewer', 'operator'] as const) {
      const user = await admin.post('/api/users').send({ username: role, password: PASSWORD, role }).expect(201);
      expect(user.body.data).toMatchObject({ username: role, role });
      expect(user.body.data).not.toHaveProperty('password');
      userIds[role] = user.body.data.id;
    }
  });
  afterAll(() => testApp.close());

  it('lets a viewer list and browse archives, but not download, restore or back up', async () => {
    const viewer = await logIn('viewer');
    expect((await viewer.get('/api/auth/me').expect(200)).body.data).toMatchObject({ username: 'viewer', role: 'viewer' });
    const archives = await viewer.get(`/api/repositories/${repositoryId}/archives`).expect(200);
    expect(archives.body.data.map((item: { name: string }) => item.name)).toEqual([archive]);
    const browse = await browseWhenIndexed(viewer, `/api/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}/browse`);
    expect(browse.status).toBe(200);

    const download = await viewer
      .get(`/api/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}/download`)
      .query({ path: join(source, 'notes.txt').slice(1) })
      .expect(403);
    expect(download.body.error).toEqual({ code: 'FORBIDDEN', message: 'This needs the operator role; you are signed in as a viewer' });
    await viewer.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(403);
    await viewer
      .post(`/api/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}/restore`)
      .send({ paths: [], destination: join(testApp.work, 'out') })
      .expect(403);
  });

  it('lets an operator back up and download, and manage schedules, but not set hooks', async () => {
    const operator = await logIn('operator');
    const started = await operator.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201);
    expect((await waitForFinish(operator, started.body.data.id)).status).toBe('completed');
    const download = await operator
      .get(`/api/repositories/${repositoryId}/archives/${encodeURIComponent(archive)}/download`)
      .query({ path: join(source, 'notes.txt').slice(1) })
      .expect(200);
    expect(download.text).toBe('remember the milk');

    const schedule = { name: 'Nightly', repository_id: repositoryId, source_path: source, cron_expression: '0 2 * * *', timezone: 'UTC' };
    const refused = await operator
      .post('/api/schedules')
      .send({ ...schedule, pre_hooks: [HOOK] })
      .expect(403);
    expect(refused.body.error).toEqual({
      code: 'FORBIDDEN',
      message: 'Only an admin may set hooks: they run shell commands as the server’s user',
    });
    const created = (await operator.post('/api/schedules').send(schedule).expect(201)).body.data;

    // An admin adds a hook; the operator may still change the times, as long as the hooks stay as they are.
    await admin
      .put(`/api/schedules/${created.id}`)
      .send({ ...schedule, post_hooks: [HOOK] })
      .expect(200);
    const hooks = (await operator.get(`/api/schedules/${created.id}`).expect(200)).body.data.post_hooks;
    await operator
      .put(`/api/schedules/${created.id}`)
      .send({ ...schedule, cron_expression: '30 3 * * *', post_hooks: hooks })
      .expect(200);
    await operator
      .put(`/api/schedules/${created.id}`)
      .send({ ...schedule, post_hooks: [] })
      .expect(403);
    await operator
      .post('/api/repositories')
      .send({ name: 'Elsewhere', path: join(testApp.work, 'other'), encryption: 'none' })
      .expect(403);
    await operator.get('/api/users').expect(403);
  });

  it('keeps one admin: the last cannot be deleted or demoted', async () => {
    const me = (await admin.get('/api/auth/me').expect(200)).body.data;
    const demoted = await admin.put(`/api/users/${me.id}`).send({ role: 'operator' }).expect(409);
    expect(demoted.body.error.message).toBe('"admin" is the last admin; make another user an admin first');
    await admin.delete(`/api/users/${me.id}`).expect(409);

    const second = (await admin.post('/api/users').send({ username: 'second-admin', password: PASSWORD, role: 'admin' }).expect(201)).body
      .data;
    await admin.put(`/api/users/${second.id}`).send({ role: 'viewer' }).expect(200);
    await admin.put(`/api/users/${second.id}`).send({ role: 'admin' }).expect(200);
    await admin.delete(`/api/users/${second.id}`).expect(204);
    await admin.get(`/api/users/${second.id}`).expect(404);
    expect((await admin.get('/api/auth/me').expect(200)).body.data).toMatchObject({ username: ADMIN.username, role: 'admin' });
  });

  it('refuses a taken name, a weak password and an unknown role', async () => {
    expect(
      (await admin.post('/api/users').send({ username: 'VIEWER', password: PASSWORD, role: 'viewer' }).expect(409)).body.error.message,
    ).toBe('A user named "viewer" already exists');
    const weak = await admin.post('/api/users').send({ username: 'weak', password: 'password12345', role: 'viewer' }).expect(422);
    expect(weak.body.error.details.password[0]).toMatch(/^This password is too easy to guess\./);
    const role = await admin.post('/api/users').send({ username: 'boss', password: PASSWORD, role: 'owner' }).expect(422);
    expect(role.body.error.details).toEqual({ role: ['Role must be one of: viewer, operator, admin'] });
  });

  it('applies a new role at the next request, and a password reset ends every session of the user', async () => {
    const viewer = await logIn('viewer');
    const otherDevice = await logIn('viewer');
    await viewer.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(403);
    await admin.put(`/api/users/${userIds.viewer}`).send({ role: 'operator' }).expect(200);
    const started = await viewer.post('/api/backups/manual').send({ repository_id: repositoryId, source_path: source }).expect(201);
    await waitForFinish(admin, started.body.data.id);

    await admin.put(`/api/users/${userIds.viewer}`).send({ password: 'a new password for the viewer' }).expect(200);
    await viewer.get('/api/auth/me').expect(401);
    await otherDevice.get('/api/auth/me').expect(401);
    await testApp.http().post('/api/auth/login').send({ username: 'viewer', password: PASSWORD }).expect(401);
    await logIn('viewer', 'a new password for the viewer');
    // The admin's own session is not touched.
    await admin.get('/api/auth/me').expect(200);

    await admin.delete(`/api/users/${userIds.operator}`).expect(204);
    const operatorSession = testApp.http();
    await operatorSession.post('/api/auth/login').send({ username: 'operator', password: PASSWORD }).expect(401);
  });
});
