import { Link } from 'react-router-dom';
import type { Repository } from '../../api/repositories';
import { PanelTable } from '../../components/panel-table';
import { RelativeTime } from '../../components/relative-time';
import { formatBytes } from '@borgitory/byte-sizes';
import { SshBadge } from './ssh-badge';

/** One row per repository: where it is, how it is encrypted, and how big it was when last read. */
export function RepositoryTable({ repositories }: { repositories: Repository[] }) {
  return (
    <PanelTable caption="Repositories">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Location</th>
          <th scope="col">Encryption</th>
          <th scope="col" className="numeric">
            Archives
          </th>
          <th scope="col" className="numeric">
            Size on disk
          </th>
          <th scope="col">Last backup</th>
        </tr>
      </thead>
      <tbody>
        {repositories.map((repository) => (
          <tr key={repository.id}>
            <th scope="row">
              <Link to={`/repositories/${repository.id}`}>{repository.name}</Link>
            </th>
            <td>
              <span className="location">
                <code>{repository.path}</code>
                {repository.is_remote && <SshBadge />}
              </span>
            </td>
            <td className="encryption-cell">{repository.encryption}</td>
            <td className="numeric">{repository.archives_count ?? '—'}</td>
            <td className="numeric">{repository.deduplicated_size === null ? '—' : formatBytes(repository.deduplicated_size)}</td>
            <td>
              <RelativeTime value={repository.last_archive_at} />
              {repository.overdue && (
                <>
                  {' '}
                  <span className="badge badge--error">Overdue</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </PanelTable>
  );
}
