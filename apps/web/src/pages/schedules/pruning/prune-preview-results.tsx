import type { PrunePreview } from '../../../api/pruning-policies';
import { PruneLists } from '../../../components/policies/prune-lists';
import { formatCountOf } from '../../../format/count';

interface PrunePreviewResultsProps {
  preview: PrunePreview;
  repositoryId: number;
  repositoryName: string;
  /** The policy's archive name pattern, if it has one. */
  globArchives: string | null;
  onPrune: () => void;
}

/** The archives borg would keep, each with the rule that keeps it, beside those it would delete. */
export function PrunePreviewResults({ preview, repositoryId, repositoryName, globArchives, onPrune }: PrunePreviewResultsProps) {
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
      <PruneLists kept={preview.keep} pruned={preview.prune} repositoryId={repositoryId} prunedExist />
    </section>
  );
}
