import './list-filters.css';
import type { DayRange } from '../util/day-range';
import { Field } from './field';

interface DateRangeFieldsProps {
  /** What the days are of: "Created", "Started". */
  legend: string;
  range: DayRange;
  /** Gets the change as a function of the range as it is when applied, so that two quick edits keep each other. */
  onChange: (update: (range: DayRange) => DayRange) => void;
}

/** Two day pickers, From and To (both days included), under a legend; an empty one leaves that end open. */
export function DateRangeFields({ legend, range, onChange }: DateRangeFieldsProps) {
  const set = (end: keyof DayRange, value: string) =>
    onChange((current) => {
      const next: DayRange = { ...current };
      if (value) next[end] = value;
      else delete next[end];
      return next;
    });
  return (
    <fieldset className="date-range">
      <legend>{legend}</legend>
      <Field label="From">
        {(control) => (
          <input {...control} type="date" value={range.from ?? ''} max={range.to} onChange={(event) => set('from', event.target.value)} />
        )}
      </Field>
      <Field label="To">
        {(control) => (
          <input {...control} type="date" value={range.to ?? ''} min={range.from} onChange={(event) => set('to', event.target.value)} />
        )}
      </Field>
    </fieldset>
  );
}
