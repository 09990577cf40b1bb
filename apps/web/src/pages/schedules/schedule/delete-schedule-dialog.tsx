import { useDeleteSchedule, type Schedule } from '../../../api/schedules';
import { DeleteDialog } from '../../../components/delete-dialog';

interface DeleteScheduleDialogProps {
  /** The schedule to delete; the dialog is open while there is one. */
  schedule: Pick<Schedule, 'id' | 'name'> | null;
  onClose: () => void;
  onDeleted?: () => void;
}

/** Confirms deleting a schedule. Its timer stops; its past runs and their archives stay. */
export function DeleteScheduleDialog({ schedule, onClose, onDeleted }: DeleteScheduleDialogProps) {
  const remove = useDeleteSchedule();
  return (
    <DeleteDialog
      item={schedule}
      title="Delete this schedule?"
      confirmLabel="Delete schedule"
      remove={remove}
      onClose={onClose}
      onDeleted={onDeleted}
    >
      {({ name }) => (
        <p>
          The schedule <strong>{name}</strong> will be deleted and no longer runs. No archive is touched, and its past runs stay in the job
          history.
        </p>
      )}
    </DeleteDialog>
  );
}
