import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/platform/database/database-options';

export const REPOSITORIES = 20;
export const SCHEDULES = 40;
const DAY_MS = 24 * 60 * 60 * 1000;

/** How jobs are spread, roughly as a busy installation's history would be. */
const TYPES: Array<[string, number]> = [
  ['backup', 60],
  ['prune', 10],
  ['check', 10],
  ['compact', 5],
  ['cloud_sync', 5],
  ['restore', 5],
  ['delete_archive', 5],
];
const STATUSES: Array<[string, number]> = [
  ['completed', 85],
  ['warning', 8],
  ['failed', 4],
  ['cancelled', 2],
  ['interrupted', 1],
];
const SCHEDULED_STEPS = ['backup', 'prune', 'compact', 'check'];

/** A small deterministic generator (mulberry32), so every run seeds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(weights: Array<[string, number]>, roll: number): string {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let left = roll * total;
  for (const [value, weight] of weights) {
    left -= weight;
    if (left < 0) return value;
  }
  return weights[weights.length - 1][0];
}

/** The form TypeORM stores datetimes in (UTC, milliseconds). */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 23);
}

export interface SeedOptions {
  jobs: number;
  /** The history ends here and reaches back `days`. */
  now: Date;
  days: number;
  /** Every n-th job also gets a log file under <data dir>/jobs. */
  logEvery: number;
}

/**
 * Writes a job history straight into the database (one transaction, prepared statements): jobs of every type and
 * finished status over `days`, for REPOSITORIES repositories and SCHEDULES schedules (schedule s belongs to
 * repository (s - 1) % REPOSITORIES + 1); scheduled backups have four steps, the rest one. Ids grow with time.
 */
export function seedJobHistory(dataDir: string, options: SeedOptions): void {
  const next = random(0x10b5);
  const db = new Database(join(dataDir, DATABASE_FILE));
  const logDir = join(dataDir, 'jobs');
  mkdirSync(logDir, { recursive: true });
  try {
    const insertJob = db.prepare(
      `INSERT INTO jobs (type, status, repository_id, schedule_id, parameters, "trigger", created_at, started_at, finished_at, result, warnings, error_code, error_message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertStep = db.prepare(
      `INSERT INTO job_steps (job_id, position, type, status, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const start = options.now.getTime() - options.days * DAY_MS;
    const span = options.days * DAY_MS;
    db.transaction(() => {
      for (let i = 0; i < options.jobs; i++) {
        const type = pick(TYPES, next());
        const status = pick(STATUSES, next());
        const scheduled = type === 'backup' && next() < 0.7;
        const scheduleId = scheduled ? 1 + Math.floor(next() * SCHEDULES) : null;
        const repositoryId = scheduleId !== null ? ((scheduleId - 1) % REPOSITORIES) + 1 : 1 + Math.floor(next() * REPOSITORIES);
        const created = new Date(start + Math.floor((i / options.jobs) * span));
        const finished = new Date(created.getTime() + 1000 + Math.floor(next() * 600_000));
        const failed = status === 'failed';
        const id = Number(
          insertJob.run(
            type,
            status,
            repositoryId,
            scheduleId,
            JSON.stringify(type === 'backup' ? { source_paths: ['/srv/data'], archive_name: `archive-${i}`, compression: 'lz4' } : {}),
            scheduled ? 'schedule' : 'manual',
            sqliteTime(created),
            sqliteTime(new Date(created.getTime() + 200)),
            sqliteTime(finished),
            failed ? null : JSON.stringify({ files: Math.floor(next() * 100_000), duration_seconds: 12.5 }),
            status === 'warning' ? JSON.stringify(['file changed while we backed it up: /srv/data/db.log']) : '[]',
            failed ? 'BORG_ERROR' : null,
            failed ? 'borg create failed: Failed to create/acquire the lock' : null,
          ).lastInsertRowid,
        );
        const steps = scheduled ? SCHEDULED_STEPS : [type];
        steps.forEach((step, index) => insertStep.run(id, index + 1, step, status, sqliteTime(created), sqliteTime(finished)));
        if (i % options.logEvery === 0)
          writeFileSync(join(logDir, `${id}.log`), `${sqliteTime(created)} INFO Step 1/${steps.length}: ${type} started\n`);
      }
    })();
  } finally {
    db.close();
  }
}
