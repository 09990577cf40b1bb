import { errorMessage } from '../../../api/errors';
import { useDeleteSchedule, type Schedule } from '../../../api/schedules';
import { ConfirmDialog } from '../../../components/confirm-dialog';

interface DeleteScheduleDialogProps {
  /** The schedule to delete; the dialog is open while there is one. */
  schedule: Pick<Schedule, 'id' | 'name'> | null;
  onClose: () => void;
  onDeleted?: () => void;
}

/** Confirms deleting a schedule. Its timer stops; its past runs and their archives stay. */
export function DeleteScheduleDialog({ schedule, onClose, onDeleted }: DeleteScheduleDialogProps) {
  const remove = useDeleteSchedule();

  function close() {
    remove.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={schedule !== null}
      title="Delete this schedule?"
      confirmLabel="Delete schedule"
      busyLabel="Deleting…"
      danger
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => {
        if (schedule)
          remove.mutate(schedule.id, {
            onSuccess: () => {
              close();
              onDeleted?.();
            },
          });
      }}
      onCancel={close}
    >
      {schedule && (
        <p>
          The schedule <strong>{schedule.name}</strong> will be deleted and no longer runs. No archive is touched, and
          its past runs stay in the job history.
        </p>
      )}
    </ConfirmDialog>
  );
}
