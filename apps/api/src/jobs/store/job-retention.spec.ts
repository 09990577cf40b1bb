import { AppConfig } from '../../platform/config/app-config';
import { JobLogs } from '../logs/job-logs';
import { JobRetention } from './job-retention';
import { JobSettings } from '../engine/job-settings';
import { JobPlannerStatistics } from './job-planner-statistics';
import { JobStore } from './job-store';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('JobRetention', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  let batches: number[][];
  let store: { newestOfEachRepositoryAndSchedule: jest.Mock; removeFinishedBefore: jest.Mock };
  let logs: { remove: jest.Mock };
  let statistics: { refresh: jest.Mock };
  let retention: JobRetention;

  beforeEach(() => {
    jest.useFakeTimers({ now });
    batches = [];
    store = {
      newestOfEachRepositoryAndSchedule: jest.fn().mockResolvedValue([7, 9]),
      removeFinishedBefore: jest.fn(async () => batches.shift() ?? []),
    };
    logs = { remove: jest.fn().mockResolvedValue(undefined) };
    statistics = { refresh: jest.fn().mockResolvedValue(false) };
    retention = new JobRetention(
      { jobRetentionDays: 30 } as AppConfig,
      store as unknown as JobStore,
      logs as unknown as JobLogs,
      new JobSettings(),
      statistics as unknown as JobPlannerStatistics,
    );
  });
  afterEach(async () => {
    await retention.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('removes jobs older than the retention in batches until none is left, keeping the newest of each, and deletes their logs', async () => {
    batches = [[1, 2], [3]];
    await expect(retention.run()).resolves.toBe(3);
    expect(store.removeFinishedBefore).toHaveBeenCalledTimes(3);
    expect(store.removeFinishedBefore).toHaveBeenCalledWith(new Date(now.getTime() - 30 * DAY_MS), [7, 9], expect.any(Number));
    expect(logs.remove.mock.calls).toEqual([[[1, 2]], [[3]]]);
    expect(statistics.refresh).toHaveBeenCalledTimes(1);
  });

  it('runs once at start, then daily, never two passes at once', async () => {
    retention.onApplicationBootstrap();
    expect(store.newestOfEachRepositoryAndSchedule).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(0);
    expect(store.newestOfEachRepositoryAndSchedule).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(DAY_MS - 1000);
    expect(store.newestOfEachRepositoryAndSchedule).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(store.newestOfEachRepositoryAndSchedule).toHaveBeenCalledTimes(2);

    const first = retention.run();
    expect(retention.run()).toBe(first);
  });

  it('tries a failed pass again after a while, keeping what it removed before the failure', async () => {
    const settings = new JobSettings();
    store.removeFinishedBefore.mockResolvedValueOnce([1, 2]).mockRejectedValueOnce(new Error('SQLITE_FULL: database or disk is full'));
    batches = [[3]];
    await expect(retention.run()).resolves.toBe(0);
    expect(logs.remove.mock.calls).toEqual([[[1, 2]]]);

    await jest.advanceTimersByTimeAsync(settings.retentionRetryMs - 1000);
    expect(store.newestOfEachRepositoryAndSchedule).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(store.newestOfEachRepositoryAndSchedule).toHaveBeenCalledTimes(2);
    expect(logs.remove.mock.calls).toEqual([[[1, 2]], [[3]]]);
  });

  it('stops between batches when the server shuts down', async () => {
    batches = [[1], [2], [3]];
    const pass = retention.run();
    await retention.beforeApplicationShutdown();
    expect(await pass).toBeLessThan(3);
  });
});
