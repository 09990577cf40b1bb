import {
  ACTIVE_STATUSES,
  FINISHED_STATUSES,
  isJobActive,
  isJobFinished,
  isJobRetryable,
  JOB_STATUSES,
  JOB_STEP_TYPES,
  JOB_TYPES,
} from './job-states';

describe('job states', () => {
  it('splits every status into active or finished', () => {
    expect(JOB_STATUSES.filter(isJobActive)).toEqual(['queued', 'running']);
    expect(ACTIVE_STATUSES).toEqual(JOB_STATUSES.filter(isJobActive));
    expect(JOB_STATUSES.filter(isJobFinished)).toEqual(['completed', 'warning', 'failed', 'cancelled', 'interrupted']);
    expect(FINISHED_STATUSES).toEqual(JOB_STATUSES.filter(isJobFinished));
  });

  it('retries only what ended without doing its work', () => {
    expect(JOB_STATUSES.filter(isJobRetryable)).toEqual(['failed', 'cancelled', 'interrupted']);
  });

  it('has a step type for every job type, and hooks', () => {
    expect(JOB_STEP_TYPES).toEqual([...JOB_TYPES, 'hook']);
  });
});
