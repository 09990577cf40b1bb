import type { RcloneEvent, RcloneProgress } from '@borgitory/rclone-runner';
import { StallWatchdog } from './stall-watchdog';

const stats = (done: Partial<RcloneProgress>): RcloneEvent => ({
  type: 'progress',
  progress: {
    bytes: 0,
    totalBytes: 100,
    transfers: 0,
    totalTransfers: 2,
    checks: 0,
    deletes: 0,
    errors: 0,
    speed: 0,
    eta: null,
    elapsedSeconds: 1,
    ...done,
  },
});

describe('StallWatchdog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('stops a call that shows no progress at all for the limit', () => {
    const watchdog = new StallWatchdog(10);
    jest.advanceTimersByTime(9_999);
    expect(watchdog.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.stalled).toBe(true);
    expect(watchdog.message('sync')).toBe(
      'No progress for 10 s: the remote did not answer, so the sync was stopped (BORGITORY_STALL_TIMEOUT_SECONDS)',
    );
  });

  it('counts stats lines that say nothing moved as no progress (rclone prints them every second while it waits)', () => {
    const watchdog = new StallWatchdog(10);
    for (let second = 0; second < 10; second++) {
      watchdog.observe(stats({ elapsedSeconds: second }));
      watchdog.observe({ type: 'log', level: 'error', message: 'Attempt 1/3 failed' });
      jest.advanceTimersByTime(1_000);
    }
    expect(watchdog.stalled).toBe(true);
  });

  it('lets a call run as long as bytes, checks, transfers or deletes move', () => {
    const watchdog = new StallWatchdog(10);
    const steps: Partial<RcloneProgress>[] = [
      { checks: 1 },
      { checks: 1, bytes: 5 },
      { checks: 1, bytes: 5, transfers: 1 },
      { checks: 1, bytes: 5, transfers: 1, deletes: 1 },
    ];
    for (const step of steps) {
      jest.advanceTimersByTime(9_000);
      watchdog.observe(stats(step));
    }
    jest.advanceTimersByTime(9_999);
    expect(watchdog.stalled).toBe(false);
    jest.advanceTimersByTime(1);
    expect(watchdog.stalled).toBe(true);
  });

  it('follows the outer signal (a cancel) without counting it as a stall, and stop() ends the count', () => {
    const outer = new AbortController();
    const watchdog = new StallWatchdog(10, outer.signal);
    outer.abort('cancel');
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.stalled).toBe(false);
    watchdog.stop();
    jest.advanceTimersByTime(60_000);
    expect(watchdog.stalled).toBe(false);
  });
});
