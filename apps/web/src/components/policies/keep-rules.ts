import type { Schemas } from '@borgitory/api-client';
import type { PruningPolicy } from '../../api/pruning-policies';

export type KeepCountField =
  'keep_last' | 'keep_secondly' | 'keep_minutely' | 'keep_hourly' | 'keep_daily' | 'keep_weekly' | 'keep_monthly' | 'keep_yearly';

/** borg's count rules in its own order, with their label in the form and their words in a summary. */
export const KEEP_COUNTS: readonly { field: KeepCountField; label: string; words: (count: number) => string }[] = [
  { field: 'keep_last', label: 'Last', words: (count) => `last ${count}` },
  { field: 'keep_secondly', label: 'Secondly', words: (count) => `${count} secondly` },
  { field: 'keep_minutely', label: 'Minutely', words: (count) => `${count} minutely` },
  { field: 'keep_hourly', label: 'Hourly', words: (count) => `${count} hourly` },
  { field: 'keep_daily', label: 'Daily', words: (count) => `${count} daily` },
  { field: 'keep_weekly', label: 'Weekly', words: (count) => `${count} weekly` },
  { field: 'keep_monthly', label: 'Monthly', words: (count) => `${count} monthly` },
  { field: 'keep_yearly', label: 'Yearly', words: (count) => `${count} yearly` },
];

/** Every request field that is a keep rule: a message about the rules as a whole (`keep`) is about all of them. */
export const KEEP_FIELDS = ['keep_within', ...KEEP_COUNTS.map((rule) => rule.field)] as const;

const WITHIN_UNITS: Record<string, string> = { H: 'hour', d: 'day', w: 'week', m: 'month', y: 'year' };

/** A policy's keep rules (or a prune job's copy of them). */
export type KeepRules = Pick<PruningPolicy, 'keep_within' | KeepCountField>;

/** The rules in words, in borg's order: ["last 2", "7 daily", "4 weekly", "within 2 days"]. */
export function keepRuleParts(policy: KeepRules): string[] {
  const parts = KEEP_COUNTS.flatMap((rule) => {
    const count = policy[rule.field];
    return count === null ? [] : [rule.words(count)];
  });
  if (policy.keep_within) parts.push(`within ${withinWords(policy.keep_within)}`);
  return parts;
}

/** "last 2 · 7 daily · 4 weekly · within 2 days". */
export function keepRulesSummary(policy: KeepRules): string {
  return keepRuleParts(policy).join(' · ');
}

/** The keep rules of a prune job, which leaves out the rules that are not set. */
export function keepRulesOfPrune(rules: Schemas['PruneRulesDto']): KeepRules {
  return {
    keep_within: rules.keep_within ?? null,
    keep_last: rules.keep_last ?? null,
    keep_secondly: rules.keep_secondly ?? null,
    keep_minutely: rules.keep_minutely ?? null,
    keep_hourly: rules.keep_hourly ?? null,
    keep_daily: rules.keep_daily ?? null,
    keep_weekly: rules.keep_weekly ?? null,
    keep_monthly: rules.keep_monthly ?? null,
    keep_yearly: rules.keep_yearly ?? null,
  };
}

/** `7d` → "7 days", `1H` → "1 hour"; anything else as it is. */
export function withinWords(value: string): string {
  const match = /^(\d+)([Hdwmy])$/.exec(value);
  const unit = match ? WITHIN_UNITS[match[2]] : undefined;
  if (!match || !unit) return value;
  const count = Number(match[1]);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
