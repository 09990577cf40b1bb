import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Below this many jobs SQLite's own guesses choose well enough; statistics matter with a long history. */
const MIN_JOBS = 5_000;
/** Statistics are taken again once the number of jobs is this many times larger or smaller than when last taken. */
const DRIFT = 2;

/**
 * SQLite's statistics of the jobs table (ANALYZE jobs, in sqlite_stat1). Without them, SQLite takes every set filter
 * for equally selective: it counted `status=failed,warning&type=backup&created_after=…` over the index of type (14,000
 * of 100,000 jobs) rather than of status (2,500), and ordered `status=completed,warning&sort=started_at` by sorting
 * 93,000 jobs rather than reading idx_jobs_started in order (40 ms against 0.06 ms). Taking them reads every index of
 * the table once: 0.25 s for 100,000 jobs, done after a retention pass and only when the history has grown or shrunk.
 */
@Injectable()
export class JobPlannerStatistics {
  private readonly logger = new Logger('JobPlannerStatistics');

  constructor(private readonly dataSource: DataSource) {}

  /** Takes the statistics if they are missing for a long history or describe a very different one; says whether it did. */
  async refresh(): Promise<boolean> {
    const [{ jobs }] = (await this.dataSource.query('SELECT COUNT(*) AS jobs FROM jobs')) as Array<{ jobs: number }>;
    const described = await this.describedJobs();
    const current = described === null ? jobs < MIN_JOBS : jobs <= described * DRIFT && jobs * DRIFT >= described;
    if (current) return false;
    const started = performance.now();
    await this.dataSource.query('ANALYZE jobs');
    this.logger.log(`Took the query planner's statistics of ${jobs} jobs in ${Math.round(performance.now() - started)} ms`);
    return true;
  }

  /** How many jobs the statistics were taken over (each index's row count comes first), or null without any. */
  private async describedJobs(): Promise<number | null> {
    const [{ present }] = (await this.dataSource.query(
      `SELECT COUNT(*) AS present FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'`,
    )) as Array<{ present: number }>;
    if (present === 0) return null;
    const rows = (await this.dataSource.query(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'jobs'`)) as Array<{ stat: string | null }>;
    const counts = rows.map((row) => Number.parseInt(row.stat ?? '', 10)).filter((count) => Number.isFinite(count));
    return counts.length === 0 ? null : Math.max(...counts);
  }
}
