import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import './confirm-dialog.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, and anything the user must choose or type first. */
  children: ReactNode;
  confirmLabel: string;
  /** The label of the button that closes the dialog without acting ("Cancel"). */
  dismissLabel?: string;
  /** The confirm button's label while the action runs. */
  busyLabel?: string;
  /** A destructive action: the confirm button is drawn in the danger colour. */
  danger?: boolean;
  busy?: boolean;
  /** Disables the confirm button until the dialog's own conditions are met. */
  confirmDisabled?: boolean;
  /** Why the action failed; shown at the top of the dialog. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native `<dialog>` (showModal): focus is kept
 * inside, the page behind is inert, and Escape cancels unless the action is running.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  dismissLabel = 'Cancel',
  busyLabel,
  danger = false,
  busy = false,
  confirmDisabled = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy && !confirmDisabled) onConfirm();
  }

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      // The browser may close the dialog by itself (a second Escape); keep the state in step.
      onClose={() => {
        if (open) onCancel();
      }}
    >
      {/* A closed dialog holds nothing: its content is made afresh each time it opens. */}
      {open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          {error && (
            <p className="alert alert--error" role="alert">
              {error}
            </p>
          )}
          <div id={bodyId} className="confirm-dialog__body">
            {children}
          </div>
          <div className="confirm-dialog__actions">
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              {dismissLabel}
            </button>
            <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy || confirmDisabled}>
              {busy ? (busyLabel ?? confirmLabel) : confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
