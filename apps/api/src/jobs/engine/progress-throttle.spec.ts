import { JobProgressDto } from '../dto/job.dto';
import { ProgressThrottle } from './progress-throttle';

describe('ProgressThrottle', () => {
  let now: number;
  let emitted: JobProgressDto[];
  let persisted: JobProgressDto[];
  let throttle: ProgressThrottle;

  beforeEach(() => {
    jest.useFakeTimers();
    now = 10_000;
    emitted = [];
    persisted = [];
    throttle = new ProgressThrottle({
      jobStartedAt: now,
      emitIntervalMs: 250,
      persistIntervalMs: 2000,
      emit: (progress) => emitted.push(progress),
      persist: (progress) => persisted.push(progress),
      now: () => now,
    });
  });
  afterEach(() => jest.useRealTimers());

  const advance = (ms: number) => {
    now += ms;
    jest.advanceTimersByTime(ms);
  };

  it('passes the first report on at once, then at most one per interval, with the latest merged state', () => {
    throttle.update({ files: 1, original_size: 1000, current_path: '/a' });
    expect(emitted).toHaveLength(1);
    for (let i = 2; i <= 20; i++) {
      advance(10);
      throttle.update({ files: i, current_path: `/f${i}` });
    }
    expect(emitted).toHaveLength(1);
    advance(60);
    expect(emitted).toHaveLength(2);
    expect(emitted[1]).toEqual({
      files: 20,
      original_size: 1000,
      current_path: '/f20',
      rate_bytes_per_second: 4000,
      elapsed_seconds: 0.3,
    });
    expect(persisted).toHaveLength(1);
  });

  it('writes to the database at most once per persist interval', () => {
    for (let i = 0; i < 100; i++) {
      throttle.update({ files: i });
      advance(50);
    }
    expect(emitted.length).toBeLessThanOrEqual(21);
    expect(persisted.length).toBeLessThanOrEqual(3);
  });

  it('sends what clients have not seen when it stops, and returns the final state', () => {
    throttle.update({ files: 1 });
    advance(100);
    throttle.update({ files: 2, message: 'almost' });
    expect(throttle.stop()).toMatchObject({ files: 2, message: 'almost', rate_bytes_per_second: null });
    expect(emitted.at(-1)).toMatchObject({ files: 2 });
    advance(5000);
    expect(emitted).toHaveLength(2);
  });

  it('starts each step from nothing, and reports nothing when nothing was reported', () => {
    throttle.update({ files: 5, original_size: 10 });
    advance(1000);
    throttle.startStep();
    expect(throttle.stop()).toBeNull();
    throttle.update({ current: 1, total: 4 });
    expect(emitted.at(-1)).toEqual({ current: 1, total: 4, percent: 25, rate_bytes_per_second: null, elapsed_seconds: 1 });
  });

  it('passes on a rate the step measured itself (rclone) instead of working one out', () => {
    throttle.update({ current: 500, total: 1000, original_size: 10, rate_bytes_per_second: 250 });
    expect(emitted.at(-1)).toMatchObject({ current: 500, percent: 50, rate_bytes_per_second: 250 });
  });
});
