import { JobStatus, JobType } from '@borgitory/job-states';

export interface JobFilter {
  status?: JobStatus;
  type?: JobType;
  repositoryId?: number;
  scheduleId?: number;
}

export interface SqlQuery {
  sql: string;
  parameters: Array<string | number>;
}

const COLUMNS: Record<keyof JobFilter, string> = {
  status: 'status',
  type: 'type',
  repositoryId: 'repository_id',
  scheduleId: 'schedule_id',
};

function where(filter: JobFilter): SqlQuery {
  const terms = (Object.keys(COLUMNS) as Array<keyof JobFilter>).filter((key) => filter[key] !== undefined);
  return {
    sql: terms.length === 0 ? '' : `WHERE ${terms.map((key) => `${COLUMNS[key]} = ?`).join(' AND ')}`,
    parameters: terms.map((key) => filter[key] as string | number),
  };
}

/**
 * The ids of one page of jobs, newest first. An index of the migration JobHistory1764270000000 holds every filter
 * after its first column, so the page is read from that index alone, in order, without sorting, however deep the
 * offset; the rows are then read by id.
 */
export function jobPageQuery(filter: JobFilter, limit: number, offset: number): SqlQuery {
  const { sql, parameters } = where(filter);
  return {
    sql: `SELECT id FROM jobs ${sql} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    parameters: [...parameters, limit, offset],
  };
}

/** How many jobs match: a sum over job_counts (jobs by status, type, repository and schedule, kept by triggers). */
export function jobCountQuery(filter: JobFilter): SqlQuery {
  const { sql, parameters } = where(filter);
  return { sql: `SELECT IFNULL(SUM(jobs), 0) AS total FROM job_counts ${sql}`, parameters };
}
