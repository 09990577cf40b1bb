import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { BulkResult } from '../../api/jobs';
import { errorMessage } from '../../api/errors';
import { ConfirmDialog } from '../confirm-dialog';
import { BulkOutcome } from './bulk-outcome';
import { summarizeBulk, type BulkSummary } from './bulk-summary';
import { SelectionBar } from './selection-bar';
import type { Selection } from './use-selection';

/** The action that changes what cannot be brought back, asked for in a dialog first. */
interface DangerousAction<Action extends string> {
  action: Action;
  label: string;
  title: (count: number) => string;
  confirmLabel: string;
  busyLabel: string;
  dismissLabel?: string;
  /** What happens, in the dialog. */
  explanation: ReactNode;
}

interface BulkActionBarProps<Action extends string> {
  bulk: UseMutationResult<BulkResult, Error, { action: Action; ids: number[] }>;
  selection: Selection<number>;
  /** What is selected: "jobs". */
  noun: string;
  /** Each action's past participle for the outcome: "cancelled". */
  done: Record<Action, string>;
  /** The actions that run at once, in the bar's order. */
  actions: { action: Action; label: string }[];
  dangerous: DangerousAction<Action>;
}

/** The selection bar of a list whose rows a bulk call acts on: its actions, the dangerous one asked first, then what came of each row. */
export function BulkActionBar<Action extends string>({ bulk, selection, noun, done, actions, dangerous }: BulkActionBarProps<Action>) {
  const [confirming, setConfirming] = useState(false);
  const [summary, setSummary] = useState<BulkSummary | null>(null);
  const count = selection.keys.length;

  function run(action: Action) {
    setSummary(null);
    bulk.mutate(
      { action, ids: selection.keys },
      {
        onSuccess: (result) => {
          setSummary(summarizeBulk(result, done[action]));
          setConfirming(false);
          selection.clear();
        },
      },
    );
  }

  return (
    <>
      <BulkOutcome summary={summary} onDismiss={() => setSummary(null)} />
      {bulk.isError && !confirming && (
        <p className="alert alert--error page-alert" role="alert">
          {errorMessage(bulk.error)}
        </p>
      )}
      <SelectionBar count={count} noun={noun} onClear={selection.clear} busy={bulk.isPending}>
        {actions.map(({ action, label }) => (
          <button key={action} type="button" className="button button--small" onClick={() => run(action)} disabled={bulk.isPending}>
            {label}
          </button>
        ))}
        <button
          type="button"
          className="button button--small button--danger-outline"
          onClick={() => {
            bulk.reset();
            setConfirming(true);
          }}
          disabled={bulk.isPending}
        >
          {dangerous.label}
        </button>
      </SelectionBar>
      <ConfirmDialog
        open={confirming}
        title={dangerous.title(count)}
        confirmLabel={dangerous.confirmLabel}
        dismissLabel={dangerous.dismissLabel}
        busyLabel={dangerous.busyLabel}
        danger
        busy={bulk.isPending}
        error={bulk.isError ? errorMessage(bulk.error) : null}
        onConfirm={() => run(dangerous.action)}
        onCancel={() => setConfirming(false)}
      >
        {dangerous.explanation}
      </ConfirmDialog>
    </>
  );
}
