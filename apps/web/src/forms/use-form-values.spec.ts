/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { useFormValues } from './use-form-values';

interface Values {
  name: string;
  enabled: boolean;
  keep: string;
}

const INITIAL: Values = { name: '', enabled: false, keep: '7' };

describe('useFormValues', () => {
  it('starts from the initial values, or from what an initialiser returns (called once)', () => {
    expect(renderHook(() => useFormValues(INITIAL)).result.current[0]).toEqual(INITIAL);

    const initialise = jest.fn(() => ({ ...INITIAL, name: 'Nightly' }));
    const { result, rerender } = renderHook(() => useFormValues(initialise));
    rerender();
    expect(result.current[0].name).toBe('Nightly');
    expect(initialise).toHaveBeenCalledTimes(1);
  });

  it('changes one field and keeps the others', () => {
    const { result } = renderHook(() => useFormValues(INITIAL));
    act(() => result.current[1]('name')('Nightly'));
    expect(result.current[0]).toEqual({ name: 'Nightly', enabled: false, keep: '7' });
    expect(INITIAL.name).toBe('');
  });

  it('keeps every change made in one go', () => {
    const { result } = renderHook(() => useFormValues(INITIAL));
    act(() => {
      const set = result.current[1];
      set('name')('Nightly');
      set('enabled')(true);
      set('keep')('');
    });
    expect(result.current[0]).toEqual({ name: 'Nightly', enabled: true, keep: '' });
  });

  it('replaces all values at once', () => {
    const { result } = renderHook(() => useFormValues(INITIAL));
    act(() => result.current[1]('name')('draft'));
    act(() => result.current[2]({ name: 'Saved', enabled: true, keep: '3' }));
    expect(result.current[0]).toEqual({ name: 'Saved', enabled: true, keep: '3' });
  });
});
