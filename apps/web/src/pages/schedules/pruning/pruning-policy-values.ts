import type { PruningPolicy, PruningPolicyInput } from '../../../api/pruning-policies';
import { KEEP_COUNTS, type KeepCountField } from '../../../components/policies/keep-rules';

/** The form's values: text as typed, so that a half-typed number is kept; `''` is "no rule". */
export type PruningPolicyFormValues = Record<'name' | 'keep_within' | 'glob_archives' | KeepCountField, string> & {
  compact_after: boolean;
};

export const EMPTY_PRUNING_POLICY: PruningPolicyFormValues = {
  name: '',
  keep_within: '',
  keep_last: '',
  keep_secondly: '',
  keep_minutely: '',
  keep_hourly: '',
  keep_daily: '',
  keep_weekly: '',
  keep_monthly: '',
  keep_yearly: '',
  glob_archives: '',
  compact_after: false,
};

export function pruningPolicyFormValues(policy: PruningPolicy): PruningPolicyFormValues {
  const values: PruningPolicyFormValues = {
    ...EMPTY_PRUNING_POLICY,
    name: policy.name,
    keep_within: policy.keep_within ?? '',
    glob_archives: policy.glob_archives ?? '',
    compact_after: policy.compact_after,
  };
  for (const { field } of KEEP_COUNTS) values[field] = policy[field] === null ? '' : String(policy[field]);
  return values;
}

/**
 * The request body. Every rule is sent, null when empty, since PUT changes
 * only the fields a body gives and null clears one. Numbers are sent as typed;
 * the server says what it cannot use (0, 1.5), next to the field.
 */
export function pruningPolicyInput(values: PruningPolicyFormValues): PruningPolicyInput {
  const input: PruningPolicyInput = {
    name: values.name.trim(),
    keep_within: values.keep_within.trim() || null,
    glob_archives: values.glob_archives.trim() || null,
    compact_after: values.compact_after,
  };
  for (const { field } of KEEP_COUNTS) {
    const text = values[field].trim();
    input[field] = text === '' ? null : Number(text);
  }
  return input;
}
