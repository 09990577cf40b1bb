import { useState } from 'react';
import type { Schemas } from '@borgitory/api-client';
import type { FieldErrors } from '../../../forms/form-errors';
import { HookFields } from './hook-fields';
import { emptyHook, parseEnv, type HookFormValues } from './hook-values';
import { hookFieldPath, HOOK_FIELDS, type HookField } from './schedule-form-errors';

interface HooksFieldsetProps {
  phase: Schemas['HookPhase'];
  hooks: HookFormValues[];
  onChange: (hooks: HookFormValues[]) => void;
  /** Gives each new hook its key. */
  newKey: () => number;
  /** The form's messages by request field (`pre_hooks.0.command`). */
  errors: FieldErrors;
  /** Whether the form was submitted, so that problems the browser finds (env lines without "=") are shown. */
  submitted: boolean;
}

const TEXT = {
  pre: {
    legend: 'Pre-hooks',
    hint: 'Commands run in order before the backup, e.g. to dump a database or stop a service. They run as the server’s user, in /, without a terminal.',
    item: 'Pre-hook',
    add: 'Add a pre-hook',
  },
  post: {
    legend: 'Post-hooks',
    hint: 'Commands run in order at the end, after pruning and checking, e.g. to start a service again or report how the run went ($BORGITORY_STATUS).',
    item: 'Post-hook',
    add: 'Add a post-hook',
  },
} as const;

/** The pre- or post-hooks of a schedule: added, removed and put in order. */
export function HooksFieldset({ phase, hooks, onChange, newKey, errors, submitted }: HooksFieldsetProps) {
  const text = TEXT[phase];
  const list = phase === 'pre' ? 'pre_hooks' : 'post_hooks';
  const listErrors = errors[list] ?? [];
  const [added, setAdded] = useState<number | null>(null);

  function update(index: number, patch: Partial<HookFormValues>) {
    onChange(hooks.map((hook, i) => (i === index ? { ...hook, ...patch } : hook)));
  }

  function move(index: number, to: number) {
    const next = [...hooks];
    const [hook] = next.splice(index, 1);
    next.splice(to, 0, hook);
    onChange(next);
  }

  function hookErrors(index: number, hook: HookFormValues): Partial<Record<HookField, string[]>> {
    const result: Partial<Record<HookField, string[]>> = {};
    for (const field of HOOK_FIELDS) {
      const messages = errors[hookFieldPath(list, index, field)];
      if (messages) result[field] = messages;
    }
    const envProblems = submitted ? parseEnv(hook.env).problems : [];
    if (envProblems.length > 0) result.env = [...envProblems, ...(result.env ?? [])];
    return result;
  }

  return (
    <fieldset className="hooks">
      <legend>{text.legend}</legend>
      <p className="field__hint">{text.hint}</p>
      {hooks.length > 0 && (
        <ol className="hooks__list">
          {hooks.map((hook, index) => (
            <li key={hook.key}>
              <HookFields
                phase={phase}
                title={`${text.item} ${index + 1}`}
                hook={hook}
                onChange={(patch) => update(index, patch)}
                onMoveUp={index > 0 ? () => move(index, index - 1) : null}
                onMoveDown={index < hooks.length - 1 ? () => move(index, index + 1) : null}
                onRemove={() => onChange(hooks.filter((_, i) => i !== index))}
                errors={hookErrors(index, hook)}
                focusName={hook.key === added}
              />
            </li>
          ))}
        </ol>
      )}
      {listErrors.length > 0 && (
        <ul className="field__errors">
          {listErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => {
            const hook = emptyHook(newKey());
            setAdded(hook.key);
            onChange([...hooks, hook]);
          }}
        >
          {text.add}
        </button>
      </div>
    </fieldset>
  );
}
