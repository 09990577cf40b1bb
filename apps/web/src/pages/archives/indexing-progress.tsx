import { useEffect } from 'react';
import { useArchiveIndexStatus, useIndexReady, type ArchiveIndexStatus } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import { formatCount, formatCountOf } from '../../format/count';

interface IndexingProgressProps {
  repositoryId: number;
  archive: string;
  /** What the browse answer (202) said. */
  initial: ArchiveIndexStatus;
  /** Asks for the listing again: once the index is ready, or to try again after a failure. */
  onRetry: () => void;
}

/**
 * The first time an archive is opened Borgitory reads its file list from borg
 * into an index. Meanwhile its state is asked for every second, and the
 * listing is asked for again once the index is ready.
 */
export function IndexingProgress({ repositoryId, archive, initial, onRetry }: IndexingProgressProps) {
  const status = useArchiveIndexStatus(repositoryId, archive, true);
  const indexReady = useIndexReady(repositoryId, archive);
  const current = status.data ?? initial;

  useEffect(() => {
    // "none": the build ended without an index (it may have been evicted already); the listing starts another.
    if (status.data && (status.data.state === 'ready' || status.data.state === 'none')) void indexReady();
  }, [status.data, indexReady]);

  if (current.state === 'failed') {
    return (
      <div className="alert alert--error archive-indexing" role="alert">
        <p>
          <strong>The archive could not be indexed.</strong> {current.error ?? 'borg did not list its files.'}
        </p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }

  const percent = current.percent;
  const entries = formatCountOf(current.entries, 'entry', 'entries');
  return (
    <div className="archive-indexing" aria-live="polite">
      <p className="archive-indexing__title">
        <strong>Indexing archive… {entries}</strong>
        {current.expected_entries !== null && current.expected_entries > 0 && (
          <span className="muted"> of about {formatCount(current.expected_entries)}</span>
        )}
      </p>
      {percent !== null ? (
        <div className="archive-indexing__counted">
          <progress className="progress-meter" value={percent} max={100} aria-label="Indexing archive" />
          <span className="archive-indexing__percent">{percent} %</span>
        </div>
      ) : (
        <div className="progress-indeterminate" role="progressbar" aria-label="Indexing archive" aria-valuetext={entries}>
          <span className="progress-indeterminate__fill" />
        </div>
      )}
      <p className="muted archive-indexing__note">
        The first time an archive is opened, Borgitory reads its list of files from borg so that it can be browsed and searched quickly. The
        files appear here when it is done.
      </p>
      {status.isError && <p className="alert alert--error">{errorMessage(status.error)}</p>}
    </div>
  );
}
