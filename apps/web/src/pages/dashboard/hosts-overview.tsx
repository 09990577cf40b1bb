import { Link } from 'react-router-dom';
import { useOverview, type HostOverview } from '../../api/overview';
import { useRoleAtLeast } from '../../api/roles';
import { JobStatusBadge } from '../../components/jobs/job-status-badge';
import { RelativeTime } from '../../components/relative-time';
import { HOSTS_PATH, hostPath } from '../../paths/page-paths';
import './hosts-overview.css';

/**
 * The hosts backed up in pull mode: whether Borgitory reached each at its last test and its newest backup. Nothing
 * at all for a server that backs up only itself.
 */
export function HostsOverview() {
  const hosts = useOverview().data?.hosts ?? [];
  // A host's own page is its form, an admin's; the others find the host in the list.
  const ownPages = useRoleAtLeast('admin');
  if (hosts.length === 0) return null;
  return (
    <section className="panel hosts-overview" aria-labelledby="hosts-overview-heading">
      <div className="panel__header">
        <h2 id="hosts-overview-heading">Hosts</h2>
        <Link to={HOSTS_PATH}>All hosts</Link>
      </div>
      <ul className="hosts-overview__list">
        {hosts.map((host) => (
          <li key={host.id} className="hosts-overview__host">
            <h3 id={`host-overview-${host.id}`} className="hosts-overview__name">
              <Link to={ownPages ? hostPath(host.id) : HOSTS_PATH}>{host.name}</Link>
            </h3>
            <Reachability host={host} />
            <LastBackup host={host} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Reachable, unreachable with what the last test found, or never tested. */
function Reachability({ host }: { host: HostOverview }) {
  if (host.reachable === null) {
    return (
      <p className="hosts-overview__reachability">
        <span className="badge badge--neutral">Never tested</span>
      </p>
    );
  }
  return (
    <p className="hosts-overview__reachability">
      {host.reachable ? <span className="badge badge--ok">Reachable</span> : <span className="badge badge--error">Unreachable</span>}
      {!host.reachable && host.last_test_message && <span className="hosts-overview__problem">{host.last_test_message}</span>}
      <span className="muted">
        tested <RelativeTime value={host.last_test_at} />
      </span>
    </p>
  );
}

function LastBackup({ host }: { host: HostOverview }) {
  const backup = host.last_backup;
  return (
    <p className="hosts-overview__backup">
      <span className="hosts-overview__label">Last backup</span>
      {backup ? (
        <>
          <JobStatusBadge status={backup.status} /> <Link to={`/jobs/${backup.id}`}>Backup #{backup.id}</Link>{' '}
          <span className="muted">
            <RelativeTime value={backup.finished_at ?? backup.created_at} />
          </span>
        </>
      ) : (
        <span className="muted">none yet</span>
      )}
    </p>
  );
}
