/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { useDebouncedValue } from './use-debounced-value';

describe('useDebouncedValue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const render = (value: string, delayMs = 300) =>
    renderHook(({ value, delayMs }) => useDebouncedValue(value, delayMs), { initialProps: { value, delayMs } });

  it('starts with the value it is given', () => {
    const { result } = render('a');
    expect(result.current).toBe('a');
  });

  it('takes a new value once it has stayed the same for the delay', () => {
    const { result, rerender } = render('a');
    rerender({ value: 'ab', delayMs: 300 });
    expect(result.current).toBe('a');
    act(() => jest.advanceTimersByTime(299));
    expect(result.current).toBe('a');
    act(() => jest.advanceTimersByTime(1));
    expect(result.current).toBe('ab');
  });

  it('waits for the typing to pause, and skips the values in between', () => {
    const { result, rerender } = render('a');
    const seen: string[] = [];
    for (const value of ['ab', 'abc', 'abcd']) {
      rerender({ value, delayMs: 300 });
      act(() => jest.advanceTimersByTime(200));
      seen.push(result.current);
    }
    expect(seen).toEqual(['a', 'a', 'a']);
    act(() => jest.advanceTimersByTime(100));
    expect(result.current).toBe('abcd');
  });

  it('leaves no timer behind once unmounted', () => {
    const { rerender, unmount } = render('a');
    rerender({ value: 'b', delayMs: 300 });
    expect(jest.getTimerCount()).toBe(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
