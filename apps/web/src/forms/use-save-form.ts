import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import { useFocusFirstProblem } from './focus-first-problem';
import { formErrors } from './form-errors';

interface SaveFormOptions<Saved> {
  /** The names the form shows messages for (see formErrors). */
  shown: readonly string[];
  /** For a message about more than its own field, the request fields it is about. */
  dependsOn?: Record<string, readonly string[]>;
  onSaved: (saved: Saved) => void;
}

/**
 * Ties a form to its save: submitting sends `input`; a refusal is sorted into
 * messages by field and an alert (formErrors), and its first problem is focused.
 */
export function useSaveForm<Saved, Input extends object>(
  save: UseMutationResult<Saved, Error, Input>,
  input: Input,
  { shown, dependsOn, onSaved }: SaveFormOptions<Saved>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const errors = formErrors(save.error, { shown, sent: save.variables, current: input, dependsOn });

  useFocusFirstProblem(formRef, save.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(input, { onSuccess: onSaved });
  }

  return { formRef, errors, submit };
}
