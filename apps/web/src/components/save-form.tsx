import type { UseMutationResult } from '@tanstack/react-query';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface SaveFormProps extends Omit<ComponentPropsWithRef<'form'>, 'noValidate' | 'aria-busy'> {
  /** While the server works on it: the form is marked busy and its fields are disabled. */
  busy: boolean;
  /** Why the server refused it, when no field is to blame; focusable, so that focusFirstProblem can go to it. */
  alert?: ReactNode;
  /** What comes before the alert, e.g. the form's own heading. */
  heading?: ReactNode;
}

/**
 * A form in a panel that the server checks: the browser's own validation is
 * off, a refusal that is about no field stands at the top, and the fields (the
 * children, its actions last) are in one fieldset, disabled while it is sent.
 */
export function SaveForm({ busy, alert, heading, className, children, ...form }: SaveFormProps) {
  return (
    <form {...form} className={className ? `panel form ${className}` : 'panel form'} noValidate aria-busy={busy}>
      {heading}
      {alert && (
        <p className="alert alert--error" role="alert" tabIndex={-1}>
          {alert}
        </p>
      )}
      <fieldset className="form__body" disabled={busy}>
        {children}
      </fieldset>
    </form>
  );
}

interface FormActionsProps {
  submitLabel: string;
  /** The submit button's label while the form is sent. */
  busyLabel?: string;
  busy: boolean;
  submitDisabled?: boolean;
  /** Where Cancel leads; there is no Cancel without it. */
  cancelPath?: string;
  /** What is said beside the buttons while the form is sent (a status region, there from the start). */
  busyStatus?: string;
}

/** The submit button of a form, Cancel, and what the form is doing while it is sent. */
export function FormActions({ submitLabel, busyLabel = 'Saving…', busy, submitDisabled, cancelPath, busyStatus }: FormActionsProps) {
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={submitDisabled}>
        {busy ? busyLabel : submitLabel}
      </button>
      {cancelPath !== undefined && (
        <Link to={cancelPath} className="button">
          Cancel
        </Link>
      )}
      {busyStatus !== undefined && (
        <p className="form__status" role="status">
          {busy && busyStatus}
        </p>
      )}
    </div>
  );
}

/** What a policy or schedule form is given by its New and Edit pages. */
export interface EditFormProps<Values, Saved, Input> {
  initial: Values;
  save: UseMutationResult<Saved, Error, Input>;
  submitLabel: string;
  onSaved: (saved: Saved) => void;
  cancelPath: string;
}
