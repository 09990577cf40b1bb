import { Link } from 'react-router-dom';
import type { Repository } from '../../api/repositories';
import { Fact, Facts } from '../../components/facts';
import { RelativeTime } from '../../components/relative-time';
import { formatBytes } from '@borgitory/byte-sizes';

const HOST_KEY_POLICIES = {
  'accept-new': 'Trust the server on first connection',
  strict: 'Only servers already in known_hosts',
} as const;

/** What Borgitory knows of the repository, with the figures as of the last test or info. */
export function RepositorySummary({ repository }: { repository: Repository }) {
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <div className="panel__header">
        <h2 id="summary-heading">Summary</h2>
      </div>
      <Facts>
        <Fact term="Encryption">{repository.encryption}</Fact>
        <Fact term="Archives">
          {repository.archives_count === null ? (
            '—'
          ) : (
            <Link to={`/repositories/${repository.id}/archives`}>{repository.archives_count}</Link>
          )}
        </Fact>
        <Fact term="Original size">{bytes(repository.original_size)}</Fact>
        <Fact term="Compressed size">{bytes(repository.compressed_size)}</Fact>
        <Fact term="Deduplicated size">
          {bytes(repository.deduplicated_size)}
          {repository.deduplicated_size !== null && <span className="muted"> (space used on disk)</span>}
        </Fact>
        <Fact term="Last backup">
          <RelativeTime value={repository.last_archive_at} />
        </Fact>
        {repository.is_remote && (
          <>
            <Fact term="SSH key">
              {repository.ssh_key_source === 'custom' ? 'A private key given for this repository' : "Borgitory's own key"}
            </Fact>
            <Fact term="Host key policy">{HOST_KEY_POLICIES[repository.ssh_host_key_policy]}</Fact>
          </>
        )}
        <Fact term="Added">
          <RelativeTime value={repository.created_at} />
        </Fact>
      </Facts>
      <p className="panel__footnote">
        {repository.stats_updated_at ? (
          <>
            Figures as of <RelativeTime value={repository.stats_updated_at} />.{' '}
          </>
        ) : (
          <>The figures have not been read yet. </>
        )}
        Test connection or Refresh info reads them again.
      </p>
    </section>
  );
}

function bytes(value: number | null): string {
  return value === null ? '—' : formatBytes(value);
}
