import { useBulkJobs } from '../../api/jobs';
import { BulkActionBar } from '../../components/selection/bulk-action-bar';
import type { Selection } from '../../components/selection/use-selection';

/** Retry or cancel the selected jobs (cancelling asks first), then what came of each. */
export function JobBulkBar({ selection }: { selection: Selection<number> }) {
  return (
    <BulkActionBar
      bulk={useBulkJobs()}
      selection={selection}
      noun="jobs"
      done={{ cancel: 'cancelled', retry: 'queued again' }}
      actions={[{ action: 'retry', label: 'Retry' }]}
      dangerous={{
        action: 'cancel',
        label: 'Cancel jobs',
        title: (count) => (count === 1 ? 'Cancel 1 job?' : `Cancel ${count} jobs?`),
        confirmLabel: 'Cancel jobs',
        dismissLabel: 'Keep them',
        busyLabel: 'Cancelling…',
        explanation: <p>Queued jobs will not run and running ones are stopped. Jobs that have already finished stay as they are.</p>,
      }}
    />
  );
}
