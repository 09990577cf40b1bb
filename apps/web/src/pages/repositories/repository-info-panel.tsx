import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import type { RepositoryInfo } from '../../api/repositories';
import { Fact, Facts } from '../../components/facts';
import { RelativeTime } from '../../components/relative-time';
import { formatBytes } from '@borgitory/byte-sizes';

interface RepositoryInfoPanelProps {
  info: UseMutationResult<RepositoryInfo, Error, void>;
}

const count = new Intl.NumberFormat();

/** What `borg info` said when "Refresh info" was last pressed. */
export function RepositoryInfoPanel({ info }: RepositoryInfoPanelProps) {
  if (info.isIdle) return null;
  if (info.isPending && !info.data) {
    return (
      <p className="result" role="status">
        Reading the repository with borg info…
      </p>
    );
  }
  if (info.isError) {
    return (
      <p className="alert alert--error page-alert" role="alert">
        {errorMessage(info.error)}
      </p>
    );
  }
  const data = info.data;
  if (!data) return null;
  return (
    <section className="panel" aria-labelledby="info-heading">
      <div className="panel__header">
        <h2 id="info-heading">borg info</h2>
      </div>
      <Facts>
        <Fact term="Repository ID">
          <code className="wrap">{data.borg_id}</code>
        </Fact>
        <Fact term="Location">
          <code className="wrap">{data.location}</code>
        </Fact>
        <Fact term="Encryption">{data.encryption}</Fact>
        <Fact term="Last modified">
          <RelativeTime value={data.last_modified} fallback="unknown" />
        </Fact>
        <Fact term="Archives">{count.format(data.archives_count)}</Fact>
        <Fact term="Original size">{formatBytes(data.original_size)}</Fact>
        <Fact term="Compressed size">{formatBytes(data.compressed_size)}</Fact>
        <Fact term="Deduplicated size">{formatBytes(data.deduplicated_size)}</Fact>
        <Fact term="Chunks">
          {count.format(data.unique_chunks)} unique of {count.format(data.total_chunks)}
        </Fact>
        <Fact term="Deduplication ratio">{data.deduplication_ratio > 0 ? `${data.deduplication_ratio}×` : '—'}</Fact>
      </Facts>
    </section>
  );
}
