import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLiveJobLists } from '../../api/job-streams';
import { JOB_STATUSES, JOB_TYPES } from '@borgitory/job-states';
import { JOB_PAGE_SIZE, useJobs, type JobFilters as Filters } from '../../api/jobs';
import { useRepositoryNames, useRepositoryOptions } from '../../api/repositories';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/paged-list';
import { parseOffset } from '../../util/offset-param';
import { readDayRange, writeDayRange } from '../../util/day-range';
import { JobFilters } from './job-filters';
import { JobsTable } from './jobs-table';
import './jobs.css';
import { RequiresRole } from '../../components/requires-role';
import { useRoleAtLeast } from '../../api/roles';
import { useSelection } from '../../components/selection/use-selection';
import { currentSearchParams } from '../../util/current-search-params';
import { JobBulkBar } from './job-bulk-bar';

/**
 * Every job, newest first, 50 to a page; the filters and the page are kept in
 * the address (`?status=failed,warning&type=&repository_id=&from=&to=&offset=`),
 * so that a filtered view can be shared. The list follows status changes live.
 */
export function JobsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseFilters(searchParams);
  const offset = parseOffset(searchParams.get('offset'));
  const jobs = useJobs(filters, offset);
  const repositories = useRepositoryOptions();
  const repositoryName = useRepositoryNames();
  useLiveJobLists();
  const operator = useRoleAtLeast('operator');
  const pageIds = useMemo(() => (operator ? (jobs.data?.items.map((job) => job.id) ?? []) : []), [operator, jobs.data]);
  const selection = useSelection(pageIds);

  function show(update: (current: Filters) => Filters, nextOffset = 0) {
    const next = update(parseFilters(currentSearchParams()));
    const params: Record<string, string> = {};
    if (next.status && next.status.length > 0) params['status'] = next.status.join(',');
    if (next.type) params['type'] = next.type;
    if (next.repository_id !== undefined) params['repository_id'] = String(next.repository_id);
    writeDayRange(params, next.days ?? {});
    if (nextOffset > 0) params['offset'] = String(nextOffset);
    setSearchParams(params);
  }

  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader title="Jobs" intro="Backups and other work Borgitory has run or is running, newest first.">
        <RequiresRole atLeast="operator">
          <Link to="/backups" className="button button--primary">
            Back up now
          </Link>
        </RequiresRole>
      </PageHeader>

      <JobFilters filters={filters} repositories={repositories.data?.items ?? []} onChange={(update) => show(update)} />

      {operator && <JobBulkBar selection={selection} />}

      <PagedList
        query={jobs}
        loading="Loading jobs…"
        empty={
          <p className="panel jobs-empty">
            {filtered ? (
              <>
                No jobs match these filters. <Link to="/jobs">Show all jobs</Link>.
              </>
            ) : (
              <>
                No jobs have run yet.
                <RequiresRole atLeast="operator">
                  {' '}
                  <Link to="/backups">Start a backup</Link> to see it here.
                </RequiresRole>
              </>
            )}
          </p>
        }
        noun="jobs"
        firstPagePath="/jobs"
        label="Jobs"
        offset={offset}
        pageSize={JOB_PAGE_SIZE}
        onOffsetChange={(next) => show((current) => current, next)}
      >
        {(items) => <JobsTable jobs={items} repositoryName={repositoryName} caption="Jobs" selection={operator ? selection : undefined} />}
      </PagedList>
    </>
  );
}

/** Only values the API knows are taken from the address; a filter left empty is absent. */
function parseFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const statuses = (params.get('status') ?? '').split(',');
  const status = JOB_STATUSES.filter((each) => statuses.includes(each));
  if (status.length > 0) filters.status = status;
  const type = JOB_TYPES.find((each) => each === params.get('type'));
  if (type) filters.type = type;
  const repository = Number(params.get('repository_id'));
  if (Number.isSafeInteger(repository) && repository > 0) filters.repository_id = repository;
  const days = readDayRange(params);
  if (days.from || days.to) filters.days = days;
  return filters;
}
