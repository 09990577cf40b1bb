import { JobBriefDto } from '../dto/job-brief.dto';
import { JobDto, JobErrorDto, JobProgressDto, JobStepDto, JobSummaryDto } from '../dto/job.dto';
import { JobStepEntity } from './job-step.entity';
import { JobEntity } from './job.entity';

/** A job with its steps, in position order. */
export interface JobRecord {
  job: JobEntity;
  steps: JobStepEntity[];
}

/**
 * `liveProgress` (newer than the row while a job runs) wins over the stored progress. The tables keep a job's type
 * and parameters in separate columns, so the type cannot vouch for the parameters here: they are what the service
 * that enqueued a job of that type wrote (JobsService.enqueue takes them typed by the job type).
 */
export function toJobDto({ job, steps }: JobRecord, liveProgress: JobProgressDto | null = null): JobDto {
  const dto = {
    id: job.id,
    type: job.type,
    status: job.status,
    repository_id: job.repositoryId,
    parameters: job.parameters,
    trigger: job.trigger,
    retry_of_id: job.retryOfId,
    schedule_id: job.scheduleId,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
    progress: liveProgress ?? job.progress,
    result: job.result,
    warnings: job.warnings,
    error: toError(job.errorCode, job.errorMessage),
    log_truncated: job.logTruncated,
    acknowledged_at: job.acknowledgedAt?.toISOString() ?? null,
    steps: steps.map(toStepDto),
  };
  return dto as JobDto;
}

export function toJobSummary(job: JobEntity): JobSummaryDto {
  return {
    id: job.id,
    status: job.status,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
    error: toError(job.errorCode, job.errorMessage),
  };
}

export function toJobBrief(job: JobEntity): JobBriefDto {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    created_at: job.createdAt.toISOString(),
    started_at: job.startedAt?.toISOString() ?? null,
    finished_at: job.finishedAt?.toISOString() ?? null,
    duration_seconds: job.startedAt && job.finishedAt ? (job.finishedAt.getTime() - job.startedAt.getTime()) / 1000 : null,
    error: toError(job.errorCode, job.errorMessage),
  };
}

function toStepDto(step: JobStepEntity): JobStepDto {
  const dto = {
    position: step.position,
    type: step.type,
    status: step.status,
    parameters: step.parameters,
    run_on_failure: step.runOnFailure,
    started_at: step.startedAt?.toISOString() ?? null,
    finished_at: step.finishedAt?.toISOString() ?? null,
    result: step.result,
    error: toError(step.errorCode, step.errorMessage),
  };
  return dto as JobStepDto;
}

function toError(code: string | null, message: string | null): JobErrorDto | null {
  return code === null ? null : { code, message: message ?? '' };
}
