/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { useNow } from './use-now';

const START = new Date('2026-01-01T10:00:00Z');

describe('useNow', () => {
  beforeEach(() => jest.useFakeTimers({ now: START }));
  afterEach(() => jest.useRealTimers());

  it('stands still while not active', () => {
    const { result } = renderHook(() => useNow(false));
    expect(result.current).toEqual(START);
    act(() => jest.advanceTimersByTime(5000));
    expect(result.current).toEqual(START);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ticks every second while active', () => {
    const { result } = renderHook(() => useNow(true));
    expect(result.current).toEqual(START);
    act(() => jest.advanceTimersByTime(999));
    expect(result.current).toEqual(START);
    act(() => jest.advanceTimersByTime(1));
    expect(result.current).toEqual(new Date('2026-01-01T10:00:01Z'));
    act(() => jest.advanceTimersByTime(3000));
    expect(result.current).toEqual(new Date('2026-01-01T10:00:04Z'));
  });

  it('ticks at the interval it is given', () => {
    const { result } = renderHook(() => useNow(true, 250));
    act(() => jest.advanceTimersByTime(250));
    expect(result.current).toEqual(new Date('2026-01-01T10:00:00.250Z'));
  });

  it('catches up at once when it becomes active, and stops when it is not', () => {
    const { result, rerender } = renderHook(({ active }) => useNow(active), { initialProps: { active: false } });
    act(() => jest.advanceTimersByTime(60_000));
    rerender({ active: true });
    expect(result.current).toEqual(new Date('2026-01-01T10:01:00Z'));

    rerender({ active: false });
    act(() => jest.advanceTimersByTime(10_000));
    expect(result.current).toEqual(new Date('2026-01-01T10:01:00Z'));
    expect(jest.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind once unmounted', () => {
    const { unmount } = renderHook(() => useNow(true));
    expect(jest.getTimerCount()).toBe(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
