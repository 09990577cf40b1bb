import type { UseQueryResult } from '@tanstack/react-query';
import type { ArchiveDetails } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import { Fact, Facts } from '../../components/facts';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount } from '../../format/count';
import { formatDateTime } from '../../format/date-time';
import { formatDuration } from '../../format/duration';

/** What `borg info` says of the archive: when and where it was made, its sizes, and the command that made it. */
export function ArchiveDetailsPanel({ details }: { details: UseQueryResult<ArchiveDetails> }) {
  return (
    <section className="panel" aria-labelledby="archive-details-heading">
      <div className="panel__header">
        <h2 id="archive-details-heading">Archive details</h2>
      </div>
      {details.isPending ? (
        <p className="muted" role="status">
          Reading the archive with borg info…
        </p>
      ) : details.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(details.error)}
        </p>
      ) : (
        <Facts>
          <Fact term="Started">{formatDateTime(new Date(details.data.start))}</Fact>
          <Fact term="Duration">{orDash(details.data.duration_seconds, formatDuration)}</Fact>
          {(details.data.hostname || details.data.username) && (
            <Fact term="Made by">{[details.data.username, details.data.hostname].filter(Boolean).join(' on ')}</Fact>
          )}
          <Fact term="Files">{orDash(details.data.file_count, formatCount)}</Fact>
          <Fact term="Original size">{orDash(details.data.original_size, formatBytes)}</Fact>
          <Fact term="Compressed size">{orDash(details.data.compressed_size, formatBytes)}</Fact>
          <Fact term="Deduplicated size">
            {orDash(details.data.deduplicated_size, formatBytes)} <span className="muted">(what only this archive holds)</span>
          </Fact>
          {details.data.comment && <Fact term="Comment">{details.data.comment}</Fact>}
          {details.data.command_line.length > 0 && (
            <Fact term="Command line">
              <code className="wrap">{details.data.command_line.join(' ')}</code>
            </Fact>
          )}
          <Fact term="Archive ID">
            <code className="wrap">{details.data.id}</code>
          </Fact>
        </Facts>
      )}
    </section>
  );
}

function orDash(value: number | null, format: (value: number) => string): string {
  return value === null ? '—' : format(value);
}
