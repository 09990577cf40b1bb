import { JobSummaryDto } from '../jobs/dto/job.dto';
import { describeCron, nextRuns, parseCron } from './cron/cron-schedule';
import { ScheduleDto } from './dto/schedule.dto';
import { ScheduleEntity } from './schedule.entity';

export function toScheduleDto(schedule: ScheduleEntity, lastRun: JobSummaryDto | null, now = new Date()): ScheduleDto {
  const cron = parseCron(schedule.cronExpression, schedule.timezone);
  const nextRun = schedule.enabled && cron.ok ? nextRuns(cron.cron, schedule.timezone, 1, now)[0] : undefined;
  return {
    id: schedule.id,
    name: schedule.name,
    repository_id: schedule.repositoryId,
    host_id: schedule.hostId,
    source_path: schedule.sourcePaths[0],
    source_paths: schedule.sourcePaths,
    archive_name: schedule.archiveName,
    compression: schedule.compression,
    exclude_patterns: schedule.excludePatterns,
    one_file_system: schedule.oneFileSystem,
    cron_expression: schedule.cronExpression,
    timezone: schedule.timezone,
    description: describeCron(schedule.cronExpression),
    enabled: schedule.enabled,
    disabled_reason: schedule.disabledReason,
    next_run_at: nextRun ?? null,
    pruning_policy_id: schedule.pruningPolicyId,
    check_policy_id: schedule.checkPolicyId,
    cloud_sync_config_id: schedule.cloudSyncConfigId,
    pre_hooks: schedule.preHooks,
    post_hooks: schedule.postHooks,
    catch_up: schedule.catchUp,
    last_run: lastRun,
    created_at: schedule.createdAt.toISOString(),
    updated_at: schedule.updatedAt.toISOString(),
  };
}
