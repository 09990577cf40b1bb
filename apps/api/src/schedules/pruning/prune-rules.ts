import { BorgPruneRules } from '@borgitory/borg-runner';
import { describeBorgCommand } from '../borg-command';
import { PruningPolicyDto } from './dto/pruning-policy.dto';
import { PruningPolicyEntity } from './pruning-policy.entity';

/** What a prune job is given: a copy of the policy as it was, so that a retry prunes by the same rules. */
export interface PruneParameters {
  pruning_policy_id: number;
  policy_name: string;
  rules: BorgPruneRules;
  compact_after: boolean;
  dry_run: boolean;
}

export function pruneRules(policy: PruningPolicyEntity): BorgPruneRules {
  const rules: BorgPruneRules = {};
  if (policy.keepWithin) rules.keepWithin = policy.keepWithin;
  const counts: Array<[keyof BorgPruneRules, number | null]> = [
    ['keepLast', policy.keepLast],
    ['keepSecondly', policy.keepSecondly],
    ['keepMinutely', policy.keepMinutely],
    ['keepHourly', policy.keepHourly],
    ['keepDaily', policy.keepDaily],
    ['keepWeekly', policy.keepWeekly],
    ['keepMonthly', policy.keepMonthly],
    ['keepYearly', policy.keepYearly],
  ];
  for (const [key, value] of counts) if (value !== null) (rules as Record<string, unknown>)[key] = value;
  if (policy.globArchives) rules.globArchives = policy.globArchives;
  return rules;
}

/** The borg command as a user would type it. */
export function describePrune(rules: BorgPruneRules, dryRun: boolean): string {
  return describeBorgCommand(['borg', 'prune', '--list', ...(dryRun ? ['--dry-run'] : [])], rules);
}

export function toPruningPolicyDto(policy: PruningPolicyEntity): PruningPolicyDto {
  return {
    id: policy.id,
    name: policy.name,
    keep_within: policy.keepWithin,
    keep_last: policy.keepLast,
    keep_secondly: policy.keepSecondly,
    keep_minutely: policy.keepMinutely,
    keep_hourly: policy.keepHourly,
    keep_daily: policy.keepDaily,
    keep_weekly: policy.keepWeekly,
    keep_monthly: policy.keepMonthly,
    keep_yearly: policy.keepYearly,
    glob_archives: policy.globArchives,
    compact_after: policy.compactAfter,
    created_at: policy.createdAt.toISOString(),
    updated_at: policy.updatedAt.toISOString(),
  };
}
