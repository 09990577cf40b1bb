import { Link } from 'react-router-dom';
import type { PrunePreview } from '../../../api/pruning-policies';
import { formatCountOf } from '../../../format/count';
import { archiveHref } from '../../archives/browse-location';

interface PrunePreviewResultsProps {
  preview: PrunePreview;
  repositoryId: number;
  repositoryName: string;
  /** The policy's archive name pattern, if it has one. */
  globArchives: string | null;
  onPrune: () => void;
}

/** The archives borg would keep, each with the rule that keeps it, beside those it would delete. */
export function PrunePreviewResults({
  preview,
  repositoryId,
  repositoryName,
  globArchives,
  onPrune,
}: PrunePreviewResultsProps) {
  const considered = preview.keep.length + preview.prune.length;
  return (
    <section className="panel" aria-labelledby="preview-heading">
      <div className="panel__header">
        <h2 id="preview-heading">In {repositoryName}</h2>
        <button type="button" className="button button--danger-outline" onClick={onPrune} disabled={preview.prune.length === 0}>
          Prune now…
        </button>
      </div>
      <p className="panel__text" role="status">
        {considered > 0
          ? `borg would keep ${formatCountOf(preview.keep.length, 'archive')} and prune ${preview.prune.length}.`
          : globArchives
            ? `No archive matches ${globArchives}.`
            : 'The repository has no archives.'}
      </p>
      <div className="preview-lists">
        <section aria-labelledby="kept-heading">
          <h3 id="kept-heading">Kept</h3>
          {preview.keep.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <table className="data-table preview-table">
              <caption className="visually-hidden">Kept archives</caption>
              <thead>
                <tr>
                  <th scope="col">Archive</th>
                  <th scope="col">Kept by</th>
                </tr>
              </thead>
              <tbody>
                {preview.keep.map((archive) => (
                  <tr key={archive.name}>
                    <th scope="row">
                      <Link to={archiveHref(repositoryId, archive.name)}>{archive.name}</Link>
                    </th>
                    <td>{archive.rule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="pruned-heading">
          <h3 id="pruned-heading">Pruned</h3>
          {preview.prune.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <table className="data-table preview-table">
              <caption className="visually-hidden">Pruned archives</caption>
              <thead>
                <tr>
                  <th scope="col">Archive</th>
                </tr>
              </thead>
              <tbody>
                {preview.prune.map((name) => (
                  <tr key={name}>
                    <th scope="row">
                      <Link to={archiveHref(repositoryId, name)}>{name}</Link>
                    </th>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </section>
  );
}
