import { lazy, Suspense, useState } from 'react';
import { useRepositoryHistory, type HistoryPoint, type RepositoryHistory } from '../../../api/history';
import { errorMessage } from '../../../api/errors';
import { formatBytes } from '@borgitory/byte-sizes';
import { formatCount, formatCountOf } from '../../../format/count';
import { formatDate, formatDateTime } from '../../../format/date-time';
import './history.css';

/** uPlot comes with the chart, in a chunk of its own, once there is something to draw. */
const StorageChart = lazy(() => import('./storage-chart'));

/**
 * Storage over time: the size of each archive and the space it added, as a chart or as a table (the table is
 * what a screen reader is offered: the chart itself is a picture with a summary).
 */
export function StorageHistoryPanel({ repositoryId }: { repositoryId: number }) {
  const history = useRepositoryHistory(repositoryId);
  const [asTable, setAsTable] = useState(false);
  const data = history.data;
  const points = data?.points.filter((point) => point.original_size !== null) ?? [];
  return (
    <section className="panel storage-history" aria-labelledby="storage-heading">
      <div className="panel__header">
        <h2 id="storage-heading">Storage over time</h2>
        {points.length > 0 && (
          <button type="button" className="button button--small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            Show as table
          </button>
        )}
      </div>
      {history.isError ? (
        <p className="alert alert--error" role="alert">
          {errorMessage(history.error)}
        </p>
      ) : !data ? (
        <p className="muted">Loading the history…</p>
      ) : (
        <>
          <HistoryFacts history={data} shown={points.length} />
          {points.length === 0 ? null : asTable ? (
            <HistoryTable points={points} />
          ) : (
            <figure className="storage-history__figure" role="img" aria-label={describe(points)}>
              <Suspense fallback={<p className="muted storage-history__loading">Loading the chart…</p>}>
                <StorageChart points={points} />
              </Suspense>
            </figure>
          )}
        </>
      )}
    </section>
  );
}

function HistoryFacts({ history, shown }: { history: RepositoryHistory; shown: number }) {
  const { backfill } = history;
  return (
    <p className="storage-history__facts">
      <span>
        <strong>{formatCount(history.archive_count)}</strong> {history.archive_count === 1 ? 'archive' : 'archives'}
      </span>
      {history.archive_count === 0 && <span className="muted"> — the chart starts with the first backup.</span>}
      {backfill.done < backfill.total && (
        <span className="storage-history__backfill" role="status">
          Reading the figures of archives made elsewhere: {formatCount(backfill.done)} of {formatCountOf(backfill.total, 'archive')}
        </span>
      )}
      {history.truncated && <span className="muted"> The chart shows the newest {formatCountOf(shown, 'archive')}.</span>}
    </p>
  );
}

function HistoryTable({ points }: { points: HistoryPoint[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table storage-history__table">
        <caption className="visually-hidden">Size of each archive and the space it added, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Archive</th>
            <th scope="col">Made</th>
            <th scope="col" className="numeric">
              Original
            </th>
            <th scope="col" className="numeric">
              Compressed
            </th>
            <th scope="col" className="numeric">
              Added (deduplicated)
            </th>
            <th scope="col" className="numeric">
              Files
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.name}>
              <th scope="row">{point.name}</th>
              <td>{formatDateTime(new Date(point.time))}</td>
              <td className="numeric">{size(point.original_size)}</td>
              <td className="numeric">{size(point.compressed_size)}</td>
              <td className="numeric">{size(point.deduplicated_size)}</td>
              <td className="numeric">{point.file_count === null ? '—' : formatCount(point.file_count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the chart shows, in a sentence, for those who cannot see it. */
function describe(points: HistoryPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  const added = points.reduce((sum, point) => sum + (point.deduplicated_size ?? 0), 0);
  return (
    `Sizes of ${formatCountOf(points.length, 'archive')} from ${formatDate(new Date(first.time))} to ${formatDate(new Date(last.time))}. ` +
    `The newest: ${size(last.original_size)} original, ${size(last.compressed_size)} compressed, ${size(last.deduplicated_size)} added. ` +
    `Together they added ${formatBytes(added)}. Show as table lists each archive.`
  );
}

function size(bytes: number | null): string {
  return bytes === null ? '—' : formatBytes(bytes);
}
