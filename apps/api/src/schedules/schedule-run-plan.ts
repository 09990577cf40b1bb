import { BackupParameters } from '../backups/backup-parameters';
import { CloudSyncParameters } from '../cloud-sync/cloud-sync.executor';
import { JobStepPlan } from '../jobs/job-executor';
import { CheckParameters } from './checks/check-options';
import { HookPhase, HookStepParameters } from './hooks/hook-step';
import { ScheduleHook } from './hooks/schedule-hook';
import { PruneParameters } from './pruning/prune-rules';
import { ScheduleEntity } from './schedule.entity';

/** A scheduled run: one backup job with the steps around it. */
export interface ScheduleRunPlan {
  /** The job's own parameters: the backup's, and which schedule it is a run of. */
  parameters: Record<string, unknown>;
  steps: JobStepPlan[];
}

/** The optional steps after the backup, each with its parameters as they are when the run starts. */
export interface ScheduleRunSteps {
  prune: PruneParameters | null;
  check: CheckParameters | null;
  cloudSync: CloudSyncParameters | null;
}

/**
 * pre-hooks → backup → prune (→ compact) → check → cloud sync → post-hooks. A step that fails skips what follows, except
 * post-hooks marked run_on_failure; a pre-hook that is not critical only warns.
 */
export function planScheduleRun(schedule: ScheduleEntity, { prune, check, cloudSync }: ScheduleRunSteps): ScheduleRunPlan {
  const backup: BackupParameters = {
    source_paths: schedule.sourcePaths,
    archive_name: schedule.archiveName,
    compression: schedule.compression,
    exclude_patterns: schedule.excludePatterns,
    dry_run: false,
    one_file_system: schedule.oneFileSystem,
    comment: null,
  };
  const hookStep =
    (phase: HookPhase) =>
    (hook: ScheduleHook): JobStepPlan => {
      const parameters: HookStepParameters = { ...hook, phase, schedule_id: schedule.id, schedule_name: schedule.name };
      return { type: 'hook', parameters: { ...parameters }, runOnFailure: phase === 'post' && hook.run_on_failure };
    };
  const steps: JobStepPlan[] = [...schedule.preHooks.map(hookStep('pre')), { type: 'backup' }];
  if (prune) {
    steps.push({ type: 'prune', parameters: { ...prune } });
    if (prune.compact_after) steps.push({ type: 'compact', parameters: {} });
  }
  if (check) steps.push({ type: 'check', parameters: { ...check } });
  if (cloudSync) steps.push({ type: 'cloud_sync', parameters: { ...cloudSync } });
  steps.push(...schedule.postHooks.map(hookStep('post')));
  return { parameters: { ...backup, schedule_id: schedule.id, schedule_name: schedule.name }, steps };
}
