/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { DayRange } from '../util/day-range';
import { DateRangeFields } from './date-range-fields';

describe('DateRangeFields', () => {
  afterEach(cleanup);

  it('gives each edit as a change of the range as it is then: From, then To before a render, keeps both', () => {
    let applied: DayRange = {};
    // The page has not rendered the first edit yet when the second comes: the range it shows stays the old one.
    const onChange = (update: (range: DayRange) => DayRange) => (applied = update(applied));
    const { rerender } = render(<DateRangeFields legend="Made" range={{}} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    expect(applied).toEqual({ from: '2026-11-10', to: '2026-11-30' });

    rerender(<DateRangeFields legend="Made" range={applied} onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '' } });
    expect(applied).toEqual({ to: '2026-11-30' });
  });
});
