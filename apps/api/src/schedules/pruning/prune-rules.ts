import { BorgPruneRules, describeBorgCommand } from '@borgitory/borg-runner';
import { PruneRulesDto } from '../../jobs/contract/prune-job';
import { PruningPolicyDto } from './dto/pruning-policy.dto';
import { PruningPolicyEntity } from './pruning-policy.entity';

/** The policy's rules that are set, as a prune job carries them. */
export function pruneRules(policy: PruningPolicyEntity): PruneRulesDto {
  const rules: PruneRulesDto = {
    keep_within: policy.keepWithin || undefined,
    keep_last: policy.keepLast ?? undefined,
    keep_secondly: policy.keepSecondly ?? undefined,
    keep_minutely: policy.keepMinutely ?? undefined,
    keep_hourly: policy.keepHourly ?? undefined,
    keep_daily: policy.keepDaily ?? undefined,
    keep_weekly: policy.keepWeekly ?? undefined,
    keep_monthly: policy.keepMonthly ?? undefined,
    keep_yearly: policy.keepYearly ?? undefined,
    glob_archives: policy.globArchives || undefined,
  };
  return Object.fromEntries(Object.entries(rules).filter(([, value]) => value !== undefined));
}

/** The rules in borg-runner's terms. */
export function borgPruneRules(rules: PruneRulesDto): BorgPruneRules {
  return {
    keepWithin: rules.keep_within,
    keepLast: rules.keep_last,
    keepSecondly: rules.keep_secondly,
    keepMinutely: rules.keep_minutely,
    keepHourly: rules.keep_hourly,
    keepDaily: rules.keep_daily,
    keepWeekly: rules.keep_weekly,
    keepMonthly: rules.keep_monthly,
    keepYearly: rules.keep_yearly,
    globArchives: rules.glob_archives,
  };
}

/** The borg command as a user would type it. */
export function describePrune(rules: PruneRulesDto, dryRun: boolean): string {
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
