/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { useColorScheme } from './use-color-scheme';

/** The browser's media query, which jsdom lacks: an event target whose `matches` the test switches. */
function fakeDarkQuery(dark: boolean) {
  const state = { dark };
  const query = Object.defineProperty(new EventTarget(), 'matches', { get: () => state.dark });
  window.matchMedia = () => query as MediaQueryList;
  return (next: boolean) => {
    state.dark = next;
    query.dispatchEvent(new Event('change'));
  };
}

describe('useColorScheme', () => {
  it('follows the colour scheme as it changes', () => {
    const switchTo = fakeDarkQuery(false);
    const { result, unmount } = renderHook(() => useColorScheme());
    expect(result.current).toBe('light');
    act(() => switchTo(true));
    expect(result.current).toBe('dark');
    act(() => switchTo(false));
    expect(result.current).toBe('light');
    unmount();
  });
});
