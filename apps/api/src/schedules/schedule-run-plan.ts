import { BackupParametersDto } from '../jobs/contract/backup-job';
import { CheckParametersDto } from '../jobs/contract/check-job';
import { CloudSyncParametersDto } from '../jobs/contract/cloud-sync-job';
import { HookPhase, HookStepParametersDto } from '../jobs/contract/hook-step';
import { PruneParametersDto } from '../jobs/contract/prune-job';
import { JobStepPlan } from '../jobs/engine/job-executor';
import { ScheduleHook } from './hooks/schedule-hook';
import { ScheduleEntity } from './schedule.entity';

/** A scheduled run: one backup job with the steps around it. */
export interface ScheduleRunPlan {
  /** The job's own parameters: the backup's (with the host, if any), and which schedule it is a run of. */
  parameters: BackupParametersDto;
  steps: JobStepPlan[];
}

/** The optional steps after the backup, each with its parameters as they are when the run starts. */
export interface ScheduleRunSteps {
  /** The host backed up in pull mode, as it is named when the run starts; null: this server. */
  host: { id: number; name: string } | null;
  prune: PruneParametersDto | null;
  check: CheckParametersDto | null;
  cloudSync: CloudSyncParametersDto | null;
}

/**
 * pre-hooks → backup → prune (→ compact) → check → cloud sync → post-hooks. A step that fails skips what follows, except
 * post-hooks marked run_on_failure; a pre-hook that is not critical only warns.
 */
export function planScheduleRun(schedule: ScheduleEntity, { host, prune, check, cloudSync }: ScheduleRunSteps): ScheduleRunPlan {
  const backup: BackupParametersDto = {
    source_paths: schedule.sourcePaths,
    archive_name: schedule.archiveName,
    compression: schedule.compression,
    exclude_patterns: schedule.excludePatterns,
    dry_run: false,
    one_file_system: schedule.oneFileSystem,
    comment: null,
    ...(host ? { host_id: host.id, host_name: host.name } : {}),
  };
  const hookStep =
    (phase: HookPhase) =>
    (hook: ScheduleHook): JobStepPlan => {
      const parameters: HookStepParametersDto = { ...hook, phase, schedule_id: schedule.id, schedule_name: schedule.name };
      return { type: 'hook', parameters, runOnFailure: phase === 'post' && hook.run_on_failure };
    };
  const steps: JobStepPlan[] = [...schedule.preHooks.map(hookStep('pre')), { type: 'backup' }];
  if (prune) {
    steps.push({ type: 'prune', parameters: prune });
    if (prune.compact_after) steps.push({ type: 'compact', parameters: {} });
  }
  if (check) steps.push({ type: 'check', parameters: check });
  if (cloudSync) steps.push({ type: 'cloud_sync', parameters: cloudSync });
  steps.push(...schedule.postHooks.map(hookStep('post')));
  return { parameters: { ...backup, schedule_id: schedule.id, schedule_name: schedule.name }, steps };
}
