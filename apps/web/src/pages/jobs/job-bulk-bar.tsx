import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { useBulkJobs, type JobBulkAction } from '../../api/jobs';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { BulkOutcome } from '../../components/selection/bulk-outcome';
import { summarizeBulk, type BulkSummary } from '../../components/selection/bulk-summary';
import { SelectionBar } from '../../components/selection/selection-bar';
import type { Selection } from '../../components/selection/use-selection';

const DONE: Record<JobBulkAction, string> = { cancel: 'cancelled', retry: 'queued again' };

/** Retry or cancel the selected jobs (cancelling asks first), then what came of each. */
export function JobBulkBar({ selection }: { selection: Selection<number> }) {
  const bulk = useBulkJobs();
  const [confirming, setConfirming] = useState(false);
  const [summary, setSummary] = useState<BulkSummary | null>(null);
  const count = selection.keys.length;

  function run(action: JobBulkAction) {
    setSummary(null);
    bulk.mutate(
      { action, ids: selection.keys },
      {
        onSuccess: (result) => {
          setSummary(summarizeBulk(result, DONE[action]));
          setConfirming(false);
          selection.clear();
        },
      },
    );
  }

  return (
    <>
      <BulkOutcome summary={summary} onDismiss={() => setSummary(null)} />
      {bulk.isError && !confirming && (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(bulk.error)}
        </p>
      )}
      <SelectionBar count={count} noun="jobs" onClear={selection.clear} busy={bulk.isPending}>
        <button type="button" className="button button--small" onClick={() => run('retry')} disabled={bulk.isPending}>
          Retry
        </button>
        <button
          type="button"
          className="button button--small button--danger-outline"
          onClick={() => {
            bulk.reset();
            setConfirming(true);
          }}
          disabled={bulk.isPending}
        >
          Cancel jobs
        </button>
      </SelectionBar>
      <ConfirmDialog
        open={confirming}
        title={count === 1 ? 'Cancel 1 job?' : `Cancel ${count} jobs?`}
        confirmLabel="Cancel jobs"
        dismissLabel="Keep them"
        busyLabel="Cancelling…"
        danger
        busy={bulk.isPending}
        error={bulk.isError ? errorMessage(bulk.error) : null}
        onConfirm={() => run('cancel')}
        onCancel={() => setConfirming(false)}
      >
        <p>Queued jobs will not run and running ones are stopped. Jobs that have already finished stay as they are.</p>
      </ConfirmDialog>
    </>
  );
}
