import { useEffect, type RefObject } from 'react';

/** After a failed save: focus the alert at the top of the form, or else the first field marked invalid. */
export function focusFirstProblem(form: HTMLFormElement | null): void {
  if (!form) return;
  const target = form.querySelector<HTMLElement>('[role="alert"][tabindex="-1"], [aria-invalid="true"]');
  target?.focus();
}

/** Focuses the first problem whenever the server refuses a form (a new `error`). */
export function useFocusFirstProblem(form: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (error) focusFirstProblem(form.current);
  }, [form, error]);
}
