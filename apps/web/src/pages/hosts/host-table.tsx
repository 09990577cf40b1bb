import type { Host } from '../../api/hosts';
import { PanelTable } from '../../components/panel-table';
import { RelativeTime } from '../../components/relative-time';
import { RequiresRole } from '../../components/requires-role';
import { ActionsHeader, DeleteButton, EditLink } from '../../components/row-actions';
import { hostPath } from '../../paths/page-paths';
import { hostEndpoint } from './host-form-values';
import { TestHostButton, type ListedTest } from './test-host-button';

interface HostTableProps {
  hosts: Host[];
  onDelete: (host: Host) => void;
  /** A test started from a row, and what it came to. */
  onTest: (test: ListedTest) => void;
}

/**
 * One row per host (a card of its own on a phone): where Borgitory logs in, how it recognises the host (the key and
 * the policy), how its last test went with Test beside it for an operator; Edit and Delete for an admin.
 */
export function HostTable({ hosts, onDelete, onTest }: HostTableProps) {
  return (
    <PanelTable caption="Hosts" className="data-table--stacked host-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Logs in as</th>
          <th scope="col">Host key</th>
          <th scope="col">Reachability</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {hosts.map((host) => (
          <tr key={host.id}>
            <th scope="row" className="host-table__name">
              {host.name}
            </th>
            <td className="host-table__endpoint" data-label="Logs in as">
              <code>{hostEndpoint(host)}</code>
            </td>
            <td className="host-table__key" data-label="Host key">
              {host.host_key_fingerprint ? (
                <code className="wrap">{host.host_key_fingerprint}</code>
              ) : (
                <span className="muted">{host.host_key_policy === 'strict' ? 'None known' : 'Learned at the first connection'}</span>
              )}
              <span className="host-table__policy">
                {host.host_key_policy === 'strict' ? 'Only the given key' : 'Trusted at first connection'}
              </span>
            </td>
            <td className="host-table__reachability" data-label="Reachability">
              <Reachability host={host} />
              <RequiresRole atLeast="operator">
                <TestHostButton host={host} onChange={onTest} />
              </RequiresRole>
            </td>
            <td className="actions-cell">
              <RequiresRole atLeast="admin">
                <EditLink to={hostPath(host.id)} name={host.name} />
                <DeleteButton name={host.name} onClick={() => onDelete(host)} />
              </RequiresRole>
            </td>
          </tr>
        ))}
      </tbody>
    </PanelTable>
  );
}

/** How the last connection test went, and when. */
function Reachability({ host }: { host: Host }) {
  const last = host.last_test;
  if (!last) return <span className="host-table__verdict muted">Not tested yet</span>;
  return (
    <span className="host-table__verdict">
      {last.ok ? <span className="badge badge--ok">OK</span> : <span className="host-table__problem">{last.message}</span>}{' '}
      <span className="muted host-table__tested">
        <RelativeTime value={last.tested_at} />
      </span>
    </span>
  );
}
