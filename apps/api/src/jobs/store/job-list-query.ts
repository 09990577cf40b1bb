import { JobListQueryDto } from '../dto/job-query.dto';
import { ListSpec, listWhere, listOrder, orderBySql, SqlValue } from '../../platform/filtering/list-spec';

/** What a job list filters and sorts by: the query's fields without its page. */
export type JobFilter = Pick<
  JobListQueryDto,
  'status' | 'type' | 'repository_id' | 'schedule_id' | 'created_after' | 'created_before' | 'sort'
>;

export interface SqlQuery {
  sql: string;
  parameters: SqlValue[];
}

/**
 * The job list's filters and orders. The indexes of the migration JobHistory1764270000000 hold each set filter first
 * with the default order (created_at, id) after it and the other filters after that; ListFilters1764400000000 adds
 * one for each other order.
 */
export const JOB_LIST: ListSpec<JobFilter> = {
  filters: {
    status: { column: 'status', kind: 'in' },
    type: { column: 'type', kind: 'in' },
    repository_id: { column: 'repository_id', kind: 'in' },
    schedule_id: { column: 'schedule_id', kind: 'in' },
    created_after: { column: 'created_at', kind: 'from' },
    created_before: { column: 'created_at', kind: 'before' },
  },
  sort: { created_at: 'created_at', started_at: 'started_at', finished_at: 'finished_at', id: 'id' },
  defaultSort: [{ field: 'created_at', descending: true }],
  tieBreaker: 'id',
};

/**
 * The ids of one page of jobs, newest first unless sorted otherwise. With the default order and one filter, the page
 * is read from that filter's index alone, in order, without sorting, however deep the offset; the rows are then read
 * by id.
 */
export function jobPageQuery(filter: JobFilter, limit: number, offset: number): SqlQuery {
  const { sql, values } = listWhere(JOB_LIST, filter);
  return {
    sql: `SELECT id FROM jobs ${sql} ${orderBySql(listOrder(JOB_LIST, filter.sort))} LIMIT ? OFFSET ?`,
    parameters: [...values, limit, offset],
  };
}

/**
 * How many jobs match. Without a time range, a sum over job_counts (jobs by status, type, repository and schedule,
 * kept by triggers); with one, a count over the index of the first set filter given (or of created_at).
 */
export function jobCountQuery(filter: JobFilter): SqlQuery {
  const { sql, values } = listWhere(JOB_LIST, filter);
  if (filter.created_after !== undefined || filter.created_before !== undefined)
    return { sql: `SELECT COUNT(*) AS total FROM jobs ${sql}`, parameters: values };
  return { sql: `SELECT IFNULL(SUM(jobs), 0) AS total FROM job_counts ${sql}`, parameters: values };
}
