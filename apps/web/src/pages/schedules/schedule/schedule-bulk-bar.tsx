import { useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { useBulkSchedules, type ScheduleBulkAction } from '../../../api/schedules';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { BulkOutcome } from '../../../components/selection/bulk-outcome';
import { summarizeBulk, type BulkSummary } from '../../../components/selection/bulk-summary';
import { SelectionBar } from '../../../components/selection/selection-bar';
import type { Selection } from '../../../components/selection/use-selection';

const DONE: Record<ScheduleBulkAction, string> = { enable: 'enabled', disable: 'disabled', run: 'started', delete: 'deleted' };
const LABELS: Record<Exclude<ScheduleBulkAction, 'delete'>, string> = { enable: 'Enable', disable: 'Disable', run: 'Run now' };

/** Enable, disable, run or delete the selected schedules (deleting asks first), then what came of each. */
export function ScheduleBulkBar({ selection }: { selection: Selection<number> }) {
  const bulk = useBulkSchedules();
  const [confirming, setConfirming] = useState(false);
  const [summary, setSummary] = useState<BulkSummary | null>(null);
  const count = selection.keys.length;

  function run(action: ScheduleBulkAction) {
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
      <SelectionBar count={count} noun="schedules" onClear={selection.clear} busy={bulk.isPending}>
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((action) => (
          <button key={action} type="button" className="button button--small" onClick={() => run(action)} disabled={bulk.isPending}>
            {LABELS[action]}
          </button>
        ))}
        <button
          type="button"
          className="button button--small button--danger-outline"
          onClick={() => {
            bulk.reset();
            setConfirming(true);
          }}
          disabled={bulk.isPending}
        >
          Delete
        </button>
      </SelectionBar>
      <ConfirmDialog
        open={confirming}
        title={count === 1 ? 'Delete 1 schedule?' : `Delete ${count} schedules?`}
        confirmLabel="Delete schedules"
        busyLabel="Deleting…"
        danger
        busy={bulk.isPending}
        error={bulk.isError ? errorMessage(bulk.error) : null}
        onConfirm={() => run('delete')}
        onCancel={() => setConfirming(false)}
      >
        <p>They will no longer run. Their past runs stay in the job history, and the archives they made stay in the repositories.</p>
      </ConfirmDialog>
    </>
  );
}
