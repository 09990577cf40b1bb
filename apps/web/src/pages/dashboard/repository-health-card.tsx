import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useAcknowledgeFailures, type RepositoryHealth, type RepositoryOverview } from '../../api/overview';
import { JobStatusBadge } from '../../components/jobs/job-status-badge';
import { RelativeTime } from '../../components/relative-time';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount } from '../../format/count';
import { expectedEvery } from '../../format/expectation';
import { jobTypeLabel } from '../../format/job-labels';
import { SizeSparkline } from '../../components/repositories/size-sparkline';
import { RequiresRole } from '../../components/requires-role';

const HEALTH_LABELS: Record<RepositoryHealth, string> = {
  failed: 'Failed',
  overdue: 'Overdue',
  warning: 'Needs attention',
  healthy: 'Healthy',
};

/** One repository on the dashboard: its verdict, the age of its newest archive against what is expected, its figures. */
export function RepositoryHealthCard({ repository }: { repository: RepositoryOverview }) {
  const headingId = `repository-health-${repository.id}`;
  const { last_backup: lastBackup, next_run: nextRun } = repository;
  return (
    <article className={`health-card health-card--${repository.health}`} aria-labelledby={headingId}>
      <header className="health-card__header">
        <h3 id={headingId}>
          <Link to={`/repositories/${repository.id}`}>{repository.name}</Link>
        </h3>
        <span className={`badge health-badge health-badge--${repository.health}`}>{HEALTH_LABELS[repository.health]}</span>
      </header>

      <p className="health-card__age" title={repository.expectation ?? undefined}>
        Newest archive <RelativeTime value={repository.newest_archive_at} fallback="none yet" /> —{' '}
        <span className="health-card__expected">{expectedEvery(repository.max_age_hours, repository.expectation)}</span>
      </p>

      {repository.health_reasons.length > 0 && (
        <ul className="health-card__reasons">
          {repository.health_reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}

      {repository.unacknowledged_failures.newest && <UnacknowledgedFailures repository={repository} />}

      <dl className="health-card__facts">
        <div>
          <dt>Last backup</dt>
          <dd>
            {lastBackup ? (
              <>
                <JobStatusBadge status={lastBackup.status} />{' '}
                <Link to={`/jobs/${lastBackup.id}`}>
                  <RelativeTime value={lastBackup.finished_at} />
                </Link>
              </>
            ) : (
              'none yet'
            )}
          </dd>
        </div>
        <div>
          <dt>Next run</dt>
          <dd>
            {nextRun ? (
              <>
                <RelativeTime value={nextRun.at} /> <span className="muted">({nextRun.schedule_name})</span>
              </>
            ) : (
              'not scheduled'
            )}
          </dd>
        </div>
        <div>
          <dt>Archives</dt>
          <dd>{repository.archives_count === null ? '—' : formatCount(repository.archives_count)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>
            {repository.original_size === null || repository.deduplicated_size === null
              ? '—'
              : `${formatBytes(repository.original_size)} original, ${formatBytes(repository.deduplicated_size)} on disk`}
          </dd>
        </div>
      </dl>
      <SizeSparkline sizes={repository.size_trend} width={160} height={28} />
    </article>
  );
}

/** The newest failure nobody has acknowledged, until someone does. */
function UnacknowledgedFailures({ repository }: { repository: RepositoryOverview }) {
  const acknowledge = useAcknowledgeFailures();
  const { count, newest } = repository.unacknowledged_failures;
  if (!newest) return null;
  const ended = newest.status === 'failed' ? 'failed' : 'ended with warnings';
  return (
    <div className={`health-card__failure health-card__failure--${newest.status}`}>
      <p>
        <Link to={`/jobs/${newest.id}`}>
          {jobTypeLabel(newest.type)} #{newest.id}
        </Link>{' '}
        {ended} <RelativeTime value={newest.finished_at ?? newest.created_at} />
        {newest.error && `: ${newest.error.message}`}
        {count > 1 && <span className="muted"> (and {count - 1} more)</span>}
      </p>
      <RequiresRole atLeast="operator">
        <button
          type="button"
          className="button"
          onClick={() => acknowledge.mutate(repository.id)}
          disabled={acknowledge.isPending}
          aria-describedby={`repository-health-${repository.id}`}
        >
          {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
        </button>
      </RequiresRole>
      {acknowledge.isError && (
        <p className="alert alert--error" role="alert">
          {errorMessage(acknowledge.error)}
        </p>
      )}
    </div>
  );
}
