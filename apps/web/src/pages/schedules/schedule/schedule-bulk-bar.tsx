import { useBulkSchedules } from '../../../api/schedules';
import { BulkActionBar } from '../../../components/selection/bulk-action-bar';
import type { Selection } from '../../../components/selection/use-selection';

/** Enable, disable, run or delete the selected schedules (deleting asks first), then what came of each. */
export function ScheduleBulkBar({ selection }: { selection: Selection<number> }) {
  return (
    <BulkActionBar
      bulk={useBulkSchedules()}
      selection={selection}
      noun="schedules"
      done={{ enable: 'enabled', disable: 'disabled', run: 'started', delete: 'deleted' }}
      actions={[
        { action: 'enable', label: 'Enable' },
        { action: 'disable', label: 'Disable' },
        { action: 'run', label: 'Run now' },
      ]}
      dangerous={{
        action: 'delete',
        label: 'Delete',
        title: (count) => (count === 1 ? 'Delete 1 schedule?' : `Delete ${count} schedules?`),
        confirmLabel: 'Delete schedules',
        busyLabel: 'Deleting…',
        explanation: (
          <p>They will no longer run. Their past runs stay in the job history, and the archives they made stay in the repositories.</p>
        ),
      }}
    />
  );
}
