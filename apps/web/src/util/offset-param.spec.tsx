/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { parseOffset, useOffsetParam } from './offset-param';

describe('parseOffset', () => {
  it('reads a whole number above 0', () => {
    expect(parseOffset('50')).toBe(50);
    expect(parseOffset('1')).toBe(1);
  });

  it('gives 0 for none, 0, negatives, fractions and text', () => {
    expect(parseOffset(null)).toBe(0);
    expect(parseOffset('')).toBe(0);
    expect(parseOffset('0')).toBe(0);
    expect(parseOffset('-50')).toBe(0);
    expect(parseOffset('2.5')).toBe(0);
    expect(parseOffset('abc')).toBe(0);
    expect(parseOffset('Infinity')).toBe(0);
  });
});

describe('useOffsetParam', () => {
  const renderAt = (address: string) =>
    renderHook(() => ({ offset: useOffsetParam(), location: useLocation() }), {
      wrapper: ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[address]}>{children}</MemoryRouter>,
    });

  it('reads the offset from the address', () => {
    expect(renderAt('/jobs?offset=100').result.current.offset[0]).toBe(100);
    expect(renderAt('/jobs').result.current.offset[0]).toBe(0);
    expect(renderAt('/jobs?offset=-1').result.current.offset[0]).toBe(0);
  });

  it('goes to another offset through the address', () => {
    const { result } = renderAt('/jobs?offset=50');
    act(() => result.current.offset[1](100));
    expect(result.current.location.search).toBe('?offset=100');
    expect(result.current.offset[0]).toBe(100);
  });

  it('leaves the offset out of the address for the first page', () => {
    const { result } = renderAt('/jobs?offset=50');
    act(() => result.current.offset[1](0));
    expect(result.current.location.pathname).toBe('/jobs');
    expect(result.current.location.search).toBe('');
    expect(result.current.offset[0]).toBe(0);
  });
});
