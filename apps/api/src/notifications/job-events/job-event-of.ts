import type { JobStepType } from '@borgitory/job-states';
import type { JobDto } from '../../jobs/dto/job.dto';
import type { EventData } from '../../platform/events/borgitory-event';
import type { EventName } from '../../platform/events/event-names';

const JOB_WORDS: Record<JobDto['type'], string> = {
  backup: 'backup',
  prune: 'prune',
  compact: 'compact',
  check: 'check',
  delete_archive: 'archive deletion',
  restore: 'restore',
  cloud_sync: 'cloud sync',
};

/**
 * The event a finished job publishes, or null when it publishes none: a cancel is the user's own doing, and a job
 * interrupted by the server stopping is left to the overdue monitor (every restart would otherwise notify).
 */
export function jobEventName(job: Pick<JobDto, 'type' | 'status' | 'steps'>): EventName | null {
  if (job.status === 'completed') return job.type === 'backup' ? 'backup.completed' : null;
  if (job.status === 'warning') return job.type === 'backup' ? 'backup.warning' : null;
  if (job.status !== 'failed') return null;
  const failedStep = job.steps.find((step) => step.status === 'failed');
  return failedEventOf(job.type, failedStep?.type ?? job.type);
}

/** The step that failed decides: a scheduled backup whose prune failed is a prune failure. */
function failedEventOf(jobType: JobDto['type'], stepType: JobStepType): EventName {
  if (stepType === 'prune' || (stepType === 'compact' && jobType === 'backup')) return 'prune.failed';
  if (stepType === 'check') return 'check.failed';
  if (stepType === 'cloud_sync') return 'cloud_sync.failed';
  if (jobType === 'backup') return 'backup.failed';
  return 'job.failed';
}

export interface JobSubjects {
  repository: { id: number; name: string } | null;
  schedule: { id: number; name: string } | null;
  jobUrl: string;
}

/** The event's data: what happened in a sentence, the job and its link, the error, and a backup's figures. */
export function jobEventData(event: EventName, job: JobDto, subjects: JobSubjects): EventData {
  const { repository, schedule } = subjects;
  const what = schedule ? `The scheduled ${JOB_WORDS[job.type]} "${schedule.name}"` : `The ${JOB_WORDS[job.type]}`;
  const where = repository ? ` of "${repository.name}"` : '';
  const outcome = {
    'backup.completed': 'completed',
    'backup.warning': `finished with ${job.warnings.length === 1 ? 'a warning' : `${job.warnings.length} warnings`}`,
  }[event as string];
  const failedStep = job.steps.find((step) => step.status === 'failed');
  const failedPart = failedStep && failedStep.type !== job.type ? `: its ${failedStep.type.replace('_', ' ')} step failed` : ' failed';
  const summary = `${what}${where}${outcome ? ` ${outcome}` : failedPart}`;
  return {
    summary,
    repository,
    schedule,
    job: { id: job.id, type: job.type, status: job.status, url: subjects.jobUrl },
    error: job.error ? { code: job.error.code, message: job.error.message } : null,
    figures: figuresOf(job),
  };
}

function figuresOf(job: JobDto): EventData['figures'] {
  const started = job.started_at ? Date.parse(job.started_at) : null;
  const finished = job.finished_at ? Date.parse(job.finished_at) : null;
  const duration = started !== null && finished !== null ? Math.round((finished - started) / 1000) : null;
  if (job.type !== 'backup' || !job.result) return { duration_seconds: duration, warnings: job.warnings.length };
  const { archive_name, files, original_size, compressed_size, deduplicated_size } = job.result;
  return {
    duration_seconds: duration,
    warnings: job.warnings.length,
    archive_name,
    files,
    original_size,
    compressed_size,
    deduplicated_size,
  };
}
