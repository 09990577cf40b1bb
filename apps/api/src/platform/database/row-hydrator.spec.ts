import { DataSource, Repository } from 'typeorm';
import { JobStepEntity } from '../../jobs/store/job-step.entity';
import { JobEntity } from '../../jobs/store/job.entity';
import { RowHydrator } from './row-hydrator';

describe('RowHydrator', () => {
  let database: DataSource;
  let jobs: Repository<JobEntity>;

  beforeAll(async () => {
    database = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [JobEntity, JobStepEntity], synchronize: true });
    await database.initialize();
    jobs = database.getRepository(JobEntity);
    const insert = `INSERT INTO jobs (type, status, repository_id, parameters, "trigger", created_at, started_at, finished_at, progress, result, warnings, log_truncated, acknowledged_at)
      VALUES (?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?, ?)`;
    const rows: unknown[][] = [
      [
        'backup',
        'completed',
        1,
        '{"source_paths":["/srv"]}',
        '2026-12-06 01:02:03.456',
        '2026-12-06 01:02:04.000',
        '2026-12-06 01:03:00.5',
        null,
        '{"files":3}',
        '[]',
        1,
        null,
      ],
      ['check', 'queued', null, '{}', '2026-12-06 01:02:03', null, null, '{"percent":10}', null, '["slow"]', 0, '2026-12-06T01:05:00'],
      ['prune', 'failed', 2, '{}', '2026-12-06T01:02:03.000Z', '2026-12-06 01:02:03+02:00', null, null, null, '[]', 0, null],
    ];
    for (const row of rows) await database.query(insert, row);
  });

  afterAll(() => database.destroy());

  it('gives the entities TypeORM gives for the same rows: dates in UTC, JSON, booleans, nulls', async () => {
    const expected = await jobs.find({ order: { id: 'ASC' } });
    const rows = await database.query('SELECT * FROM jobs ORDER BY id');
    const hydrated = new RowHydrator(jobs).hydrate(rows);
    expect(hydrated).toEqual(expected);
    expect(hydrated[0]).toBeInstanceOf(JobEntity);
    expect(hydrated[0].createdAt.toISOString()).toBe('2026-12-06T01:02:03.456Z');
    expect(hydrated[0].finishedAt?.toISOString()).toBe('2026-12-06T01:03:00.500Z');
    expect(hydrated[1].acknowledgedAt?.toISOString()).toBe('2026-12-06T01:05:00.000Z');
    expect(hydrated[2].startedAt?.toISOString()).toBe('2026-12-05T23:02:03.000Z');
    expect(hydrated[0].logTruncated).toBe(true);
    expect(hydrated[1].warnings).toEqual(['slow']);
  });
});
