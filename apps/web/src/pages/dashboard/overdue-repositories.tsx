import { Link } from 'react-router-dom';
import { useOverdueRepositories } from '../../api/repositories';
import { formatRelativeTime, formatShortDateTime } from '../../format/date-time';

/** The repositories whose newest archive is older than expected, first on the dashboard; nothing when there are none. */
export function OverdueRepositories() {
  const overdue = useOverdueRepositories();
  const repositories = overdue.data ?? [];
  if (repositories.length === 0) return null;
  return (
    <section className="alert alert--error overdue-repositories" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading">
        {repositories.length === 1 ? 'A repository is overdue' : `${repositories.length} repositories are overdue`}
      </h2>
      <p>No archive as recent as expected:</p>
      <ul>
        {repositories.map((repository) => (
          <li key={repository.id}>
            <Link to={`/repositories/${repository.id}`}>{repository.name}</Link>:{' '}
            {repository.overdue_since && `overdue since ${formatShortDateTime(new Date(repository.overdue_since))}, `}
            {repository.newest_archive_at
              ? `newest archive ${formatRelativeTime(new Date(repository.newest_archive_at))}`
              : 'no archive yet'}
          </li>
        ))}
      </ul>
    </section>
  );
}
