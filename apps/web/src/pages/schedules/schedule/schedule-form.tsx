import { useRef, useState, type FormEvent } from 'react';
import type { Schedule, ScheduleInput } from '../../../api/schedules';
import { NameField } from '../../../components/name-field';
import { FormActions, SaveForm, type EditFormProps } from '../../../components/save-form';
import { focusFirstProblem, useFocusFirstProblem } from '../../../forms/focus-first-problem';
import { useFormValues } from '../../../forms/use-form-values';
import { BackupFieldset } from './backup-fieldset';
import { keptHooks, parseEnv, type StoredHooks } from './hook-values';
import { HooksFieldset } from './hooks-fieldset';
import { PoliciesFieldset } from './policies-fieldset';
import { scheduleFormErrors } from './schedule-form-errors';
import { archiveNameFor, scheduleInput, sourcePaths, type ScheduleFormValues } from './schedule-form-values';
import { WhenFieldset } from './when-fieldset';
import { useRoleAtLeast } from '../../../api/roles';
import { HookLists } from './schedule-hooks-panel';

type ScheduleFormProps = EditFormProps<ScheduleFormValues, Schedule, ScheduleInput> & {
  /** The hooks the schedule has now (none for a new one): kept as they are by a user who may not change hooks. */
  storedHooks: StoredHooks;
};

/**
 * The fields of a schedule, for a new one and for changing one: what to back
 * up, when, what follows the backup, and the hooks around it. The server
 * checks everything; its messages appear at the fields they are about.
 */
export function ScheduleForm({ initial, storedHooks, save, submitLabel, onSaved, cancelPath }: ScheduleFormProps) {
  const mayEditHooks = useRoleAtLeast('admin');
  const [values, , setValues] = useFormValues<ScheduleFormValues>(initial);
  const [missing, setMissing] = useState({ repository: false, sources: false });
  const [submitted, setSubmitted] = useState(false);
  const nextHookKey = useRef(initial.preHooks.length + initial.postHooks.length);
  const formRef = useRef<HTMLFormElement>(null);
  const input = mayEditHooks ? scheduleInput(values) : { ...scheduleInput(values), ...keptHooks(storedHooks) };
  const errors = scheduleFormErrors(save.error, save.variables, input, values.sources);

  useFocusFirstProblem(formRef, save.error);

  function change(patch: Partial<ScheduleFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    if (patch.repositoryId !== undefined) setMissing((current) => ({ ...current, repository: false }));
    if (patch.sources !== undefined) setMissing((current) => ({ ...current, sources: false }));
  }

  function changeName(name: string) {
    setValues((current) => ({
      ...current,
      name,
      archiveName: current.archiveNameEdited ? current.archiveName : archiveNameFor(name),
    }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const nothingChosen = { repository: values.repositoryId === '', sources: sourcePaths(values).length === 0 };
    setMissing(nothingChosen);
    const envProblems = mayEditHooks && [...values.preHooks, ...values.postHooks].some((hook) => parseEnv(hook.env).problems.length > 0);
    if (nothingChosen.repository || nothingChosen.sources || envProblems) {
      // The messages are rendered first, then the first field with a problem is focused.
      requestAnimationFrame(() => focusFirstProblem(formRef.current));
      return;
    }
    save.mutate(input, { onSuccess: onSaved });
  }

  return (
    <SaveForm ref={formRef} className="schedule-form" onSubmit={submit} busy={save.isPending} alert={errors.alert}>
      <NameField
        value={values.name}
        onChange={changeName}
        hint="How the schedule is called in lists and on its runs, e.g. “Documents”."
        errors={errors.fields['name']}
      />
      <BackupFieldset
        values={values}
        onChange={change}
        errors={errors.fields}
        repositoryErrors={missing.repository ? ['Choose the repository to back up to.'] : errors.fields['repository_id']}
        sourceRowErrors={errors.sourceRows}
        sourceErrors={missing.sources ? ['Add at least one directory or file to back up.'] : errors.sources}
      />
      <WhenFieldset values={values} onChange={change} errors={errors.fields} />
      <PoliciesFieldset values={values} onChange={change} errors={errors.fields} />
      <fieldset className="form-section">
        <legend>Hooks</legend>
        {mayEditHooks ? (
          <>
            <HooksFieldset
              phase="pre"
              hooks={values.preHooks}
              onChange={(preHooks) => change({ preHooks })}
              newKey={() => nextHookKey.current++}
              errors={errors.fields}
              submitted={submitted}
            />
            <HooksFieldset
              phase="post"
              hooks={values.postHooks}
              onChange={(postHooks) => change({ postHooks })}
              newKey={() => nextHookKey.current++}
              errors={errors.fields}
              submitted={submitted}
            />
          </>
        ) : storedHooks.pre_hooks.length + storedHooks.post_hooks.length > 0 ? (
          <>
            <p className="field__hint">
              Only an admin may change hooks: they run shell commands as the server’s user. The schedule keeps these as they are.
            </p>
            <HookLists hooks={storedHooks} />
          </>
        ) : (
          <p className="field__hint">Only an admin may add hooks: they run shell commands as the server’s user.</p>
        )}
      </fieldset>
      <FormActions submitLabel={submitLabel} busy={save.isPending} cancelPath={cancelPath} />
    </SaveForm>
  );
}
