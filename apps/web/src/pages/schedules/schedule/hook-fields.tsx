import { useEffect, useRef } from 'react';
import type { Schemas } from '@borgitory/api-client';
import { CheckboxField } from '../../../components/checkbox-field';
import { FormField } from '../../../components/form-field';
import { TextAreaField } from '../../../components/text-area-field';
import type { HookFormValues } from './hook-values';
import type { HookField } from './schedule-form-errors';

interface HookFieldsProps {
  phase: Schemas['HookPhase'];
  /** "Pre-hook 2": the hook's legend, and the name its buttons are read with. */
  title: string;
  hook: HookFormValues;
  onChange: (patch: Partial<HookFormValues>) => void;
  onMoveUp: (() => void) | null;
  onMoveDown: (() => void) | null;
  onRemove: () => void;
  errors: Partial<Record<HookField, string[]>>;
  /** A hook just added: its name field takes the focus. */
  focusName: boolean;
}

/** One hook: its name, the command (a shell line, or a program with its arguments one per line), and how it runs. */
export function HookFields({ phase, title, hook, onChange, onMoveUp, onMoveDown, onRemove, errors, focusName }: HookFieldsProps) {
  const lower = title.toLowerCase();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusName) nameRef.current?.focus();
  }, [focusName]);
  return (
    <fieldset className="hook">
      <legend>{title}</legend>
      <div className="hook__actions" role="group" aria-label={`Arrange ${lower}`}>
        {/* A hook alone has nowhere to move. */}
        {(onMoveUp || onMoveDown) && (
          <>
            <button type="button" className="button button--small" onClick={onMoveUp ?? undefined} disabled={!onMoveUp}>
              Move up<span className="visually-hidden"> {lower}</span>
            </button>
            <button type="button" className="button button--small" onClick={onMoveDown ?? undefined} disabled={!onMoveDown}>
              Move down<span className="visually-hidden"> {lower}</span>
            </button>
          </>
        )}
        <button type="button" className="button button--small button--danger-outline" onClick={onRemove}>
          Remove<span className="visually-hidden"> {lower}</span>
        </button>
      </div>
      <FormField
        ref={nameRef}
        label="Name"
        autoComplete="off"
        placeholder={phase === 'pre' ? 'Dump the database' : 'Tell the monitoring'}
        value={hook.name}
        onChange={(event) => onChange({ name: event.target.value })}
        errors={errors.name}
      />
      <CheckboxField
        label="Run through the shell"
        checked={hook.shell}
        onChange={(shell) => onChange({ shell })}
        hint="One line for /bin/sh -c, with pipes, redirections and $VARIABLES. Otherwise the program is started directly with the arguments you list."
      />
      {hook.shell ? (
        <FormField
          label="Shell command"
          className="mono"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="pg_dump app > /var/backups/app.sql"
          value={hook.line}
          onChange={(event) => onChange({ line: event.target.value })}
          hint="Given to /bin/sh -c as it is. The environment tells it about the run: $BORGITORY_STATUS, $BORGITORY_ARCHIVE_NAME, $BORGITORY_REPOSITORY_NAME…"
          errors={errors.command}
        />
      ) : (
        <TextAreaField
          label="Program and arguments"
          className="mono"
          rows={3}
          spellCheck={false}
          placeholder={'/usr/bin/pg_dump\n--file=/var/backups/app.sql\napp'}
          value={hook.argv}
          onChange={(event) => onChange({ argv: event.target.value })}
          hint="One per line: the program first, then each argument on a line of its own, exactly as it is passed. No quotes are needed and none are removed; spaces stay part of the argument. Empty lines are left out."
          errors={errors.command}
        />
      )}
      <div className="hook__options">
        <FormField
          label="Timeout in seconds"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={hook.timeout}
          onChange={(event) => onChange({ timeout: event.target.value })}
          hint="Stopped, with whatever it started, after this long."
          errors={errors.timeout_seconds}
        />
        <div className="hook__switches">
          <CheckboxField
            label="Critical"
            checked={hook.critical}
            onChange={(critical) => onChange({ critical })}
            hint={
              phase === 'pre'
                ? 'If it fails, the run stops before the backup. Otherwise a failure is only a warning.'
                : 'If it fails, the run counts as failed. Otherwise a failure is only a warning.'
            }
            errors={errors.critical}
          />
          {phase === 'post' && (
            <CheckboxField
              label="Run on failure"
              checked={hook.runOnFailure}
              onChange={(runOnFailure) => onChange({ runOnFailure })}
              hint="Also run when an earlier step failed or the run was cancelled, e.g. to start again what a pre-hook stopped."
              errors={errors.run_on_failure}
            />
          )}
        </div>
      </div>
      <TextAreaField
        label="Environment variables (optional)"
        className="mono"
        rows={2}
        spellCheck={false}
        placeholder="PGHOST=localhost"
        value={hook.env}
        onChange={(event) => onChange({ env: event.target.value })}
        hint="NAME=value, one per line. Not secret: anyone who can open this schedule sees them. Keep passwords in a file only the server's user can read."
        errors={errors.env}
      />
    </fieldset>
  );
}
