import type { Job, JobStep } from './jobs';

/** borg prune's rules as a prune job or step carries them (borg-runner's names). */
export interface PruneRules {
  keepWithin?: string;
  keepLast?: number;
  keepSecondly?: number;
  keepMinutely?: number;
  keepHourly?: number;
  keepDaily?: number;
  keepWeekly?: number;
  keepMonthly?: number;
  keepYearly?: number;
  globArchives?: string;
}

/** What a prune was given: a copy of its policy as it was when the job was made. */
export interface PruneParameters {
  policy_id: number | null;
  policy_name: string;
  rules: PruneRules;
  compact_after: boolean;
  dry_run: boolean;
}

/** What borg prune did: each kept archive with the rule that keeps it (as borg names it), and the archives it deleted. */
export interface PruneResult {
  dry_run: boolean;
  kept: { name: string; rule: string }[];
  pruned: string[];
}

/** The prune parameters of a prune job, or of the prune step of a scheduled run. */
export function pruneParameters(job: Job, step?: JobStep): PruneParameters | null {
  const p = step?.parameters ?? (job.type === 'prune' ? job.parameters : null);
  if (!p || typeof p['policy_name'] !== 'string' || !isObject(p['rules'])) return null;
  return {
    policy_id: typeof p['pruning_policy_id'] === 'number' ? p['pruning_policy_id'] : null,
    policy_name: p['policy_name'],
    rules: p['rules'] as PruneRules,
    compact_after: p['compact_after'] === true,
    dry_run: p['dry_run'] === true,
  };
}

/** A finished prune's result (of the job or of its step), or null when there is none. */
export function pruneResult(result: Record<string, unknown> | null): PruneResult | null {
  if (!result || !Array.isArray(result['kept']) || !Array.isArray(result['pruned'])) return null;
  return {
    dry_run: result['dry_run'] === true,
    kept: result['kept'].filter(
      (entry): entry is { name: string; rule: string } =>
        isObject(entry) && typeof entry['name'] === 'string' && typeof entry['rule'] === 'string',
    ),
    pruned: result['pruned'].filter((name): name is string => typeof name === 'string'),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
