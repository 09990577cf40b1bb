/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { summarizeBulk } from './bulk-summary';
import { useSelection } from './use-selection';

describe('useSelection', () => {
  it('ticks rows, all of the page or none, and keeps only keys still on the page', () => {
    const { result, rerender } = renderHook(({ keys }) => useSelection(keys), { initialProps: { keys: [3, 2, 1] } });
    act(() => result.current.toggle(1));
    act(() => result.current.toggle(3));
    expect(result.current).toMatchObject({ keys: [3, 1], all: false, some: true });
    act(() => result.current.toggleAll());
    expect(result.current).toMatchObject({ keys: [3, 2, 1], all: true, some: false });
    rerender({ keys: [4, 3] });
    expect(result.current).toMatchObject({ keys: [3], all: false, some: true });
    act(() => result.current.toggleAll());
    expect(result.current.keys).toEqual([4, 3]);
    act(() => result.current.toggleAll());
    expect(result.current).toMatchObject({ keys: [], all: false, some: false });
    act(() => result.current.toggle(4));
    act(() => result.current.clear());
    expect(result.current.keys).toEqual([]);
  });
});

describe('summarizeBulk', () => {
  it('counts the successes and says why each failure failed', () => {
    const message = 'Job 12 has already finished (completed); only queued or running jobs can be cancelled';
    const results = [
      ...Array.from({ length: 9 }, (_, i) => ({ id: i + 1, status: 'succeeded' as const })),
      { id: 12, status: 'failed' as const, error: { code: 'CONFLICT' as const, message } },
    ];
    expect(summarizeBulk({ results }, 'cancelled')).toEqual({
      headline: '9 cancelled, 1 failed',
      failures: [message],
      allSucceeded: false,
    });
    expect(summarizeBulk({ results: results.slice(0, 2) }, 'disabled')).toEqual({
      headline: '2 disabled',
      failures: [],
      allSucceeded: true,
    });
  });
});
