import type { JobDto, JobStepDto } from '../../jobs/dto/job.dto';
import { jobEventData, jobEventName } from './job-event-of';

type Step = Pick<JobStepDto, 'type' | 'status'>;

function stepsOf(steps: Step[]): JobStepDto[] {
  return steps.map(
    (step, index) =>
      ({
        ...step,
        position: index + 1,
        run_on_failure: false,
        started_at: null,
        finished_at: null,
        error: null,
        parameters: null,
        result: null,
      }) as JobStepDto,
  );
}

const ended = (
  type: JobDto['type'],
  status: JobDto['status'],
  steps: Step[] = [{ type, status: status === 'queued' ? 'pending' : status }],
) => ({
  type,
  status,
  steps: stepsOf(steps),
});

function backup(status: JobDto['status'], steps: Step[]): JobDto {
  return {
    id: 7,
    type: 'backup',
    status,
    repository_id: 1,
    trigger: 'schedule',
    retry_of_id: null,
    schedule_id: 3,
    created_at: '2026-12-05T03:00:00.000Z',
    started_at: '2026-12-05T03:00:00.000Z',
    finished_at: '2026-12-05T03:00:42.000Z',
    progress: null,
    warnings: status === 'warning' ? ['file vanished'] : [],
    error: status === 'failed' ? { code: 'BORG_ERROR', message: 'borg said no' } : null,
    log_truncated: false,
    acknowledged_at: null,
    steps: stepsOf(steps),
    parameters: {
      source_paths: ['/data'],
      archive_name: 'a',
      compression: 'lz4',
      exclude_patterns: [],
      dry_run: false,
      one_file_system: false,
      comment: null,
    },
    result: null,
  };
}

describe('events of finished jobs', () => {
  it('names backups by their outcome and other jobs only when they fail', () => {
    expect(jobEventName(ended('backup', 'completed'))).toBe('backup.completed');
    expect(jobEventName(ended('backup', 'warning'))).toBe('backup.warning');
    expect(jobEventName(ended('backup', 'failed'))).toBe('backup.failed');
    expect(jobEventName(ended('restore', 'failed'))).toBe('job.failed');
    expect(jobEventName(ended('check', 'failed'))).toBe('check.failed');
    expect(jobEventName(ended('prune', 'failed'))).toBe('prune.failed');
    expect(jobEventName(ended('cloud_sync', 'failed'))).toBe('cloud_sync.failed');
    expect(jobEventName(ended('restore', 'completed'))).toBeNull();
    expect(jobEventName(ended('backup', 'cancelled'))).toBeNull();
    expect(jobEventName(ended('backup', 'interrupted'))).toBeNull();
  });

  it('lets the step that failed in a scheduled run name the event', () => {
    const run = (failed: Step['type']) =>
      ended('backup', 'failed', [
        { type: 'backup', status: 'completed' },
        { type: failed, status: 'failed' },
      ]);
    expect(jobEventName(run('prune'))).toBe('prune.failed');
    expect(jobEventName(run('compact'))).toBe('prune.failed');
    expect(jobEventName(run('check'))).toBe('check.failed');
    expect(jobEventName(run('cloud_sync'))).toBe('cloud_sync.failed');
    expect(jobEventName(run('hook'))).toBe('backup.failed');
  });

  it('says what happened and where, with the job, its link and the error', () => {
    const subjects = { repository: { id: 1, name: 'Documents' }, schedule: { id: 3, name: 'Nightly' }, jobUrl: 'https://nas/jobs/7' };
    const failedRun = backup('failed', [
      { type: 'backup', status: 'completed' },
      { type: 'cloud_sync', status: 'failed' },
    ]);
    expect(jobEventData('cloud_sync.failed', failedRun, subjects)).toEqual({
      summary: 'The scheduled backup "Nightly" of "Documents": its cloud sync step failed',
      repository: subjects.repository,
      schedule: subjects.schedule,
      job: { id: 7, type: 'backup', status: 'failed', url: 'https://nas/jobs/7' },
      error: { code: 'BORG_ERROR', message: 'borg said no' },
      figures: { duration_seconds: 42, warnings: 0 },
    });
    expect(
      jobEventData('backup.warning', backup('warning', [{ type: 'backup', status: 'warning' }]), { ...subjects, schedule: null }).summary,
    ).toBe('The backup of "Documents" finished with a warning');
  });
});
