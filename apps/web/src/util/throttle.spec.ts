import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('runs the first call at once', () => {
    const fn = jest.fn();
    throttle(fn, 1000)();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('folds calls within the interval into one that runs when it ends', () => {
    const fn = jest.fn();
    const throttled = throttle(fn, 1000);
    throttled();
    jest.advanceTimersByTime(200);
    throttled();
    throttled();
    throttled();
    expect(fn).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(799);
    expect(fn).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('counts the next interval from the folded run', () => {
    const fn = jest.fn();
    const throttled = throttle(fn, 1000);
    throttled();
    throttled();
    jest.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
    throttled();
    expect(fn).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('runs at once again after a quiet interval', () => {
    const fn = jest.fn();
    const throttled = throttle(fn, 1000);
    throttled();
    jest.advanceTimersByTime(1500);
    throttled();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('runs every call with an interval of 0', () => {
    const fn = jest.fn();
    const throttled = throttle(fn, 0);
    throttled();
    throttled();
    throttled();
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('drops a waiting call on cancel, and waits out the interval after it', () => {
    const fn = jest.fn();
    const throttled = throttle(fn, 1000);
    throttled();
    throttled();
    throttled.cancel();
    jest.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);

    throttled();
    expect(fn).toHaveBeenCalledTimes(2);
    throttled();
    throttled.cancel();
    throttled.cancel();
    jest.advanceTimersByTime(400);
    throttled();
    expect(fn).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(600);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('does nothing on cancel when nothing waits', () => {
    const fn = jest.fn();
    const throttled = throttle(fn, 1000);
    throttled.cancel();
    throttled();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
