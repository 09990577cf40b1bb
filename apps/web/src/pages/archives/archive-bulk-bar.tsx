import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDeleteArchives, type DeleteManyOutcome } from '../../api/archives';
import { errorMessage } from '../../api/errors';
import { CheckboxField } from '../../components/checkbox-field';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { BulkOutcome } from '../../components/selection/bulk-outcome';
import { SelectionBar } from '../../components/selection/selection-bar';
import type { Selection } from '../../components/selection/use-selection';

const archives = (count: number) => (count === 1 ? '1 archive' : `${count} archives`);

/** Deletes the selected archives in one job (one borg delete), compacting after when asked; admins only. */
export function ArchiveBulkBar({ repositoryId, selection }: { repositoryId: number; selection: Selection<string> }) {
  const remove = useDeleteArchives(repositoryId);
  const [confirming, setConfirming] = useState(false);
  const [compact, setCompact] = useState(false);
  const [done, setDone] = useState<{ count: number; outcome: DeleteManyOutcome } | null>(null);
  const count = selection.keys.length;

  function close() {
    remove.reset();
    setConfirming(false);
  }

  return (
    <>
      <BulkOutcome
        summary={
          done && {
            headline: done.outcome.finished ? `${archives(done.count)} deleted` : `Deleting ${archives(done.count)} takes a while`,
            failures: [],
            allSucceeded: true,
          }
        }
        onDismiss={() => setDone(null)}
      >
        {done && (
          <>
            {' '}
            {done.outcome.finished ? 'See' : 'It carries on as'} <Link to={`/jobs/${done.outcome.job.id}`}>job #{done.outcome.job.id}</Link>
            {done.outcome.finished ? ' for its log.' : '.'}
          </>
        )}
      </BulkOutcome>
      <SelectionBar count={count} noun="archives" onClear={selection.clear} busy={remove.isPending}>
        <button
          type="button"
          className="button button--small button--danger-outline"
          onClick={() => {
            setDone(null);
            setConfirming(true);
          }}
        >
          Delete
        </button>
      </SelectionBar>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${archives(count)}?`}
        confirmLabel={`Delete ${archives(count)}`}
        busyLabel="Deleting…"
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onConfirm={() =>
          remove.mutate(
            { names: selection.keys, compact },
            {
              onSuccess: (outcome) => {
                setDone({ count, outcome });
                selection.clear();
                close();
              },
            },
          )
        }
        onCancel={close}
      >
        <p>
          One borg call deletes {count === 1 ? 'the archive' : `these ${count} archives`}. Files that no other archive holds can no longer
          be restored. This cannot be undone.
        </p>
        <ul className="archive-bulk-names">
          {selection.keys.map((name) => (
            <li key={name}>
              <code className="wrap">{name}</code>
            </li>
          ))}
        </ul>
        <CheckboxField
          label="Compact the repository afterwards"
          hint="Frees the space now, in the same job; otherwise it is freed at the next compaction."
          checked={compact}
          onChange={setCompact}
          disabled={remove.isPending}
        />
      </ConfirmDialog>
    </>
  );
}
