import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors';
import { ConfirmDialog } from './confirm-dialog';

interface DeleteDialogProps<T extends { id: number }> {
  /** What to delete; the dialog is open while there is one. */
  item: T | null;
  title: string;
  confirmLabel: string;
  /** The delete, by id. */
  remove: UseMutationResult<unknown, Error, number>;
  onClose: () => void;
  /** After the delete, once the dialog has closed. */
  onDeleted?: () => void;
  /** What the delete does and does not touch. */
  children: (item: T) => ReactNode;
}

/** Confirms deleting one item by its id: busy while the server deletes it, its refusal shown, closed once it is gone. */
export function DeleteDialog<T extends { id: number }>({
  item,
  title,
  confirmLabel,
  remove,
  onClose,
  onDeleted,
  children,
}: DeleteDialogProps<T>) {
  function close() {
    remove.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={item !== null}
      title={title}
      confirmLabel={confirmLabel}
      busyLabel="Deleting…"
      danger
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => {
        if (item)
          remove.mutate(item.id, {
            onSuccess: () => {
              close();
              onDeleted?.();
            },
          });
      }}
      onCancel={close}
    >
      {item && children(item)}
    </ConfirmDialog>
  );
}
