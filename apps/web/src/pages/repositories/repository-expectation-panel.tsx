import type { Repository } from '../../api/repositories';
import { Fact, Facts } from '../../components/facts';
import { RelativeTime } from '../../components/relative-time';
import { formatRelativeTime, formatShortDateTime } from '../../format/date-time';

/** What is expected of the repository (its maximum age, its schedules) and whether it is met, as of the monitor's last check. */
export function RepositoryExpectationPanel({ repository }: { repository: Repository }) {
  return (
    <section className="panel" aria-labelledby="expectation-heading">
      <div className="panel__header">
        <h2 id="expectation-heading">Backup expectation</h2>
      </div>
      <div className="expectation-state">
        <ExpectationState repository={repository} />
        {repository.unreachable_since && (
          <p className="alert alert--warning">
            Borgitory has not been able to read the archive list since {at(repository.unreachable_since)}. Test connection says why.
          </p>
        )}
        {repository.low_space_since && (
          <p className="alert alert--warning">
            The file system holding this repository has been low on space since {at(repository.low_space_since)}.
          </p>
        )}
      </div>
      <Facts>
        <Fact term="Expected">
          {repository.expectation ?? 'Nothing. Set a maximum age, or enable a schedule, to be told when backups stop.'}
        </Fact>
        <Fact term="Maximum age">
          {repository.max_age_hours === null ? 'Not set' : `${repository.max_age_hours} hour${repository.max_age_hours === 1 ? '' : 's'}`}
        </Fact>
        <Fact term="Newest archive">
          <RelativeTime value={repository.newest_archive_at} fallback="None" />
          {repository.newest_archive_at && <span className="muted"> ({at(repository.newest_archive_at)})</span>}
        </Fact>
      </Facts>
    </section>
  );
}

function ExpectationState({ repository }: { repository: Repository }) {
  const newest = repository.newest_archive_at;
  if (repository.overdue_since) {
    return (
      <p className="alert alert--error">
        <strong>Overdue</strong> since {at(repository.overdue_since)}:{' '}
        {newest ? `the newest archive was made ${formatRelativeTime(new Date(newest))}.` : 'there is no archive.'}
      </p>
    );
  }
  if (repository.archive_expected_by) {
    const due = new Date(repository.archive_expected_by);
    return (
      <p className="alert alert--success">
        Up to date. The next archive is expected by {formatShortDateTime(due)} ({formatRelativeTime(due)}).
      </p>
    );
  }
  return null;
}

function at(iso: string): string {
  return formatShortDateTime(new Date(iso));
}
