import type { JobStepType } from '@borgitory/job-states';
import type { JobStatus, JobStepStatus } from '../api/jobs';
import { jobStatusLabel, jobTypeLabel } from './job-labels';

describe('jobTypeLabel', () => {
  it.each<[JobStepType, string]>([
    ['backup', 'Backup'],
    ['prune', 'Prune'],
    ['compact', 'Compact'],
    ['check', 'Check'],
    ['delete_archive', 'Delete archive'],
    ['restore', 'Restore'],
    ['cloud_sync', 'Cloud sync'],
    ['hook', 'Hook'],
  ])('names %s "%s"', (type, label) => {
    expect(jobTypeLabel(type)).toBe(label);
  });

  it('shows a type from a newer server as it is', () => {
    const newer: JobStepType = JSON.parse('"verify"');
    expect(jobTypeLabel(newer)).toBe('verify');
  });
});

describe('jobStatusLabel', () => {
  it.each<[JobStatus | JobStepStatus, string]>([
    ['queued', 'Queued'],
    ['pending', 'Pending'],
    ['running', 'Running'],
    ['completed', 'Completed'],
    ['warning', 'Warning'],
    ['failed', 'Failed'],
    ['cancelled', 'Cancelled'],
    ['interrupted', 'Interrupted'],
    ['skipped', 'Skipped'],
  ])('names %s "%s"', (status, label) => {
    expect(jobStatusLabel(status)).toBe(label);
  });

  it('shows a status from a newer server as it is', () => {
    const newer: JobStatus = JSON.parse('"paused"');
    expect(jobStatusLabel(newer)).toBe('paused');
  });
});
