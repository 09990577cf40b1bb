import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { DEFAULT_ARCHIVE_NAME } from '../src/backups/dto/backup-source.dto';
import { setupAdmin, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'operator password long enough';

/**
 * PUT takes a partial body on every resource: a field left out keeps its value, null clears a nullable field, and
 * null for a field that cannot be empty is a 422 naming it. Rules between fields are checked on the merged result.
 */
describe('PUT with a partial body', () => {
  let testApp: TestApp;
  let admin: Agent;
  let repositoryId: number;
  let source: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await setupAdmin(testApp);
    source = join(testApp.work, 'documents');
    mkdirSync(source);
    const repository = await admin
      .post('/api/repositories')
      .send({ name: 'Partial', path: join(testApp.work, 'repo'), encryption: 'none', max_age_hours: 26 })
      .expect(201);
    repositoryId = repository.body.data.id;
  });
  afterAll(() => testApp.close());

  async function refusedNull(path: string, field: string): Promise<void> {
    const response = await admin
      .put(path)
      .send({ [field]: null })
      .expect(422);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(response.body.error.details)).toEqual([field]);
  }

  describe('schedules', () => {
    let scheduleId: number;
    let pruningId: number;
    const hooks = [{ name: 'Say hello', command: ['echo', 'hello'] }];

    beforeAll(async () => {
      pruningId = (await admin.post('/api/pruning-policies').send({ name: 'For the schedule', keep_last: 3 }).expect(201)).body.data.id;
      const created = await admin
        .post('/api/schedules')
        .send({
          name: 'Nightly',
          repository_id: repositoryId,
          cron_expression: '0 2 * * *',
          source_path: source,
          pruning_policy_id: pruningId,
          pre_hooks: hooks,
          exclude_patterns: ['*.tmp'],
        })
        .expect(201);
      scheduleId = created.body.data.id;
    });

    it('changes only the cron expression with the seed example', async () => {
      const before = (await admin.get(`/api/schedules/${scheduleId}`).expect(200)).body.data;
      const response = await admin.put(`/api/schedules/${scheduleId}`).send({ cron_expression: '30 3 * * *' }).expect(200);
      const after = response.body.data;
      const changing = ['cron_expression', 'description', 'next_run_at', 'updated_at'];
      const rest = (schedule: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(schedule).filter(([key]) => !changing.includes(key)));
      expect(after.cron_expression).toBe('30 3 * * *');
      expect(after.description).not.toBe(before.description);
      expect(rest(after)).toEqual(rest(before));
      expect([after.next_run_at, after.updated_at].every((value) => typeof value === 'string')).toBe(true);
    });

    it('clears a nullable field given null and keeps the others', async () => {
      const response = await admin.put(`/api/schedules/${scheduleId}`).send({ pruning_policy_id: null }).expect(200);
      expect(response.body.data).toMatchObject({ pruning_policy_id: null, name: 'Nightly', exclude_patterns: ['*.tmp'] });
    });

    it('puts the defaults back for an archive name and a time zone given null', async () => {
      await admin.put(`/api/schedules/${scheduleId}`).send({ archive_name: 'nightly-{now}', timezone: 'Asia/Tokyo' }).expect(200);
      const response = await admin.put(`/api/schedules/${scheduleId}`).send({ archive_name: null, timezone: null }).expect(200);
      expect(response.body.data).toMatchObject({
        archive_name: DEFAULT_ARCHIVE_NAME,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        name: 'Nightly',
      });
    });

    it('refuses null for a field that cannot be empty, naming it', async () => {
      await refusedNull(`/api/schedules/${scheduleId}`, 'name');
      await refusedNull(`/api/schedules/${scheduleId}`, 'repository_id');
      await refusedNull(`/api/schedules/${scheduleId}`, 'enabled');
    });

    it('takes source_path in place of the stored source_paths, and refuses both together', async () => {
      const other = join(testApp.work, 'other');
      mkdirSync(other);
      const response = await admin.put(`/api/schedules/${scheduleId}`).send({ source_path: other }).expect(200);
      expect(response.body.data.source_paths).toEqual([other]);
      const both = await admin
        .put(`/api/schedules/${scheduleId}`)
        .send({ source_path: other, source_paths: [source] })
        .expect(422);
      expect(both.body.error.code).toBe('VALIDATION_ERROR');
    });

    it('lets an operator change a schedule with hooks when the body leaves the hooks out', async () => {
      await admin.post('/api/users').send({ username: 'operator', password: PASSWORD, role: 'operator' }).expect(201);
      const operator = testApp.http();
      await operator.post('/api/auth/login').send({ username: 'operator', password: PASSWORD }).expect(200);
      const response = await operator.put(`/api/schedules/${scheduleId}`).send({ name: 'Nightly by the operator' }).expect(200);
      expect(response.body.data.name).toBe('Nightly by the operator');
      expect(response.body.data.pre_hooks).toEqual([expect.objectContaining({ name: 'Say hello', command: ['echo', 'hello'] })]);
      await operator.put(`/api/schedules/${scheduleId}`).send({ pre_hooks: [] }).expect(403);
    });
  });

  describe('pruning policies', () => {
    let id: number;
    beforeAll(async () => {
      id = (await admin.post('/api/pruning-policies').send({ name: 'Daily and weekly', keep_daily: 7, keep_weekly: 4 }).expect(201)).body
        .data.id;
    });

    it('keeps what is left out and clears what is null', async () => {
      const renamed = await admin.put(`/api/pruning-policies/${id}`).send({ name: 'Renamed' }).expect(200);
      expect(renamed.body.data).toMatchObject({ name: 'Renamed', keep_daily: 7, keep_weekly: 4, compact_after: false });
      const cleared = await admin.put(`/api/pruning-policies/${id}`).send({ keep_weekly: null }).expect(200);
      expect(cleared.body.data).toMatchObject({ name: 'Renamed', keep_daily: 7, keep_weekly: null });
    });

    it('checks the keep rule on the merged policy', async () => {
      const response = await admin.put(`/api/pruning-policies/${id}`).send({ keep_daily: null }).expect(422);
      expect(Object.keys(response.body.error.details)).toEqual(['keep']);
    });

    it('refuses null where the policy needs a value', async () => {
      await refusedNull(`/api/pruning-policies/${id}`, 'name');
      await refusedNull(`/api/pruning-policies/${id}`, 'compact_after');
    });
  });

  describe('check policies', () => {
    let id: number;
    beforeAll(async () => {
      id = (await admin.post('/api/check-policies').send({ name: 'Newest archives', scope: 'archives_only', last: 3 }).expect(201)).body
        .data.id;
    });

    it('keeps what is left out and clears what is null', async () => {
      const verified = await admin.put(`/api/check-policies/${id}`).send({ verify_data: true }).expect(200);
      expect(verified.body.data).toMatchObject({ name: 'Newest archives', scope: 'archives_only', last: 3, verify_data: true });
      const cleared = await admin.put(`/api/check-policies/${id}`).send({ last: null }).expect(200);
      expect(cleared.body.data).toMatchObject({ last: null, verify_data: true });
    });

    it('checks the rules between fields on the merged policy', async () => {
      await admin.put(`/api/check-policies/${id}`).send({ last: 2 }).expect(200);
      const both = await admin.put(`/api/check-policies/${id}`).send({ first: 2 }).expect(422);
      expect(Object.keys(both.body.error.details)).toEqual(['last']);
    });

    it('refuses null where the policy needs a value', async () => {
      await refusedNull(`/api/check-policies/${id}`, 'scope');
      await refusedNull(`/api/check-policies/${id}`, 'verify_data');
    });
  });

  describe('cloud sync configurations', () => {
    let id: number;
    beforeAll(async () => {
      const created = await admin
        .post('/api/cloud-sync/configs')
        .send({
          name: 'USB disk',
          provider: 'local',
          provider_config: { path: join(testApp.work, 'usb') },
          mode: 'sync',
          bandwidth_limit: '10M',
        })
        .expect(201);
      id = created.body.data.id;
    });

    it('keeps what is left out and clears what is null', async () => {
      const renamed = await admin.put(`/api/cloud-sync/configs/${id}`).send({ name: 'USB disk 2' }).expect(200);
      expect(renamed.body.data).toMatchObject({ name: 'USB disk 2', provider: 'local', mode: 'sync', bandwidth_limit: '10M' });
      expect(renamed.body.data.provider_config.path).toBe(join(testApp.work, 'usb'));
      const cleared = await admin.put(`/api/cloud-sync/configs/${id}`).send({ bandwidth_limit: null }).expect(200);
      expect(cleared.body.data).toMatchObject({ name: 'USB disk 2', mode: 'sync', bandwidth_limit: null });
    });

    it('refuses null where the configuration needs a value', async () => {
      await refusedNull(`/api/cloud-sync/configs/${id}`, 'name');
      await refusedNull(`/api/cloud-sync/configs/${id}`, 'mode');
      await refusedNull(`/api/cloud-sync/configs/${id}`, 'provider_config');
    });
  });

  describe('notification channels', () => {
    let id: number;
    beforeAll(async () => {
      const created = await admin
        .post('/api/notifications/channels')
        .send({
          name: 'Hook',
          type: 'webhook',
          events: ['backup.failed'],
          repository_ids: [repositoryId],
          config: { url: 'http://127.0.0.1:9/hook', secret: 'x'.repeat(32) },
          throttle_minutes: 15,
        })
        .expect(201);
      id = created.body.data.id;
    });

    it('keeps what is left out, secrets included, and clears what is null', async () => {
      const off = await admin.put(`/api/notifications/channels/${id}`).send({ enabled: false }).expect(200);
      expect(off.body.data).toMatchObject({ name: 'Hook', enabled: false, repository_ids: [repositoryId], throttle_minutes: 15 });
      expect(off.body.data.secrets_set).toEqual(['secret']);
      const everyRepository = await admin.put(`/api/notifications/channels/${id}`).send({ repository_ids: null }).expect(200);
      expect(everyRepository.body.data).toMatchObject({ repository_ids: null, enabled: false, events: ['backup.failed'] });
    });

    it('refuses null where the channel needs a value', async () => {
      await refusedNull(`/api/notifications/channels/${id}`, 'name');
      await refusedNull(`/api/notifications/channels/${id}`, 'events');
      await refusedNull(`/api/notifications/channels/${id}`, 'throttle_minutes');
    });
  });

  describe('repositories and users', () => {
    it('keeps what is left out and clears what is null on a repository', async () => {
      const renamed = await admin.put(`/api/repositories/${repositoryId}`).send({ name: 'Partial 2' }).expect(200);
      expect(renamed.body.data).toMatchObject({ name: 'Partial 2', max_age_hours: 26 });
      const cleared = await admin.put(`/api/repositories/${repositoryId}`).send({ max_age_hours: null }).expect(200);
      expect(cleared.body.data).toMatchObject({ name: 'Partial 2', max_age_hours: null });
      await refusedNull(`/api/repositories/${repositoryId}`, 'name');
      await refusedNull(`/api/repositories/${repositoryId}`, 'path');
    });

    it('keeps what is left out on a user and refuses null', async () => {
      const user = (await admin.post('/api/users').send({ username: 'viewer', password: PASSWORD, role: 'viewer' }).expect(201)).body.data;
      const promoted = await admin.put(`/api/users/${user.id}`).send({ role: 'operator' }).expect(200);
      expect(promoted.body.data).toMatchObject({ username: 'viewer', role: 'operator' });
      await refusedNull(`/api/users/${user.id}`, 'role');
      await refusedNull(`/api/users/${user.id}`, 'username');
    });
  });
});
