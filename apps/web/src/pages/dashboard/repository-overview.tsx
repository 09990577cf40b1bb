import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { useAcknowledgeFailures, useOverview, type Overview } from '../../api/overview';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCountOf } from '../../format/count';
import { RepositoryHealthCard } from './repository-health-card';
import './repository-overview.css';
import { useRoleAtLeast } from '../../api/roles';

/** Every repository's health, worst first, first on the dashboard. */
export function RepositoryOverview() {
  const overview = useOverview();
  const acknowledgeAll = useAcknowledgeFailures();
  const mayAcknowledge = useRoleAtLeast('operator');
  const mayAdd = useRoleAtLeast('admin');
  const totals = overview.data?.totals;
  return (
    <section className="panel repository-overview" aria-labelledby="repository-overview-heading">
      <div className="panel__header">
        <div>
          <h2 id="repository-overview-heading">Repositories</h2>
          {totals && totals.repositories > 0 && <p className="repository-overview__summary">{summaryOf(totals)}</p>}
        </div>
        {mayAcknowledge && totals && totals.unacknowledged_failures > 0 && (
          <button type="button" className="button" onClick={() => acknowledgeAll.mutate(undefined)} disabled={acknowledgeAll.isPending}>
            {acknowledgeAll.isPending ? 'Acknowledging…' : 'Acknowledge all'}
          </button>
        )}
      </div>
      {acknowledgeAll.isError && (
        <p className="alert alert--error" role="alert">
          {errorMessage(acknowledgeAll.error)}
        </p>
      )}
      {overview.isPending ? (
        <p className="panel__text muted" role="status">
          Loading…
        </p>
      ) : overview.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(overview.error)}
        </p>
      ) : overview.data.repositories.length === 0 ? (
        <p className="panel__text muted">
          No repositories yet.
          {mayAdd && (
            <>
              {' '}
              <Link to="/repositories/new">Add one</Link>.
            </>
          )}
        </p>
      ) : (
        <ul className="repository-overview__cards">
          {overview.data.repositories.map((repository) => (
            <li key={repository.id}>
              <RepositoryHealthCard repository={repository} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "4 repositories: 1 failed, 1 overdue, 2 healthy · 12 archives, 3.4 GB on disk". */
function summaryOf(totals: Overview['totals']): string {
  const verdicts = (
    [
      [totals.failed, 'failed'],
      [totals.overdue, 'overdue'],
      [totals.warning, 'need attention'],
      [totals.healthy, 'healthy'],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word === 'need attention' && count === 1 ? 'needs attention' : word}`);
  return `${formatCountOf(totals.repositories, 'repository', 'repositories')}: ${verdicts.join(', ')} · ${formatCountOf(
    totals.archives,
    'archive',
  )}, ${formatBytes(totals.deduplicated_size)} on disk`;
}
