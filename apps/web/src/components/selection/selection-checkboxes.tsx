import { useEffect, useRef } from 'react';
import type { Selection } from './use-selection';

/** The header cell's checkbox: ticks every row of the page (mixed while only some are). */
export function SelectAllCell<K>({ selection, label }: { selection: Selection<K>; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selection.some;
  }, [selection.some]);
  return (
    <th scope="col" className="select-cell">
      <input ref={ref} type="checkbox" checked={selection.all} onChange={selection.toggleAll} aria-label={label} />
    </th>
  );
}

/** A row's checkbox, named after the row ("Select job #12"). */
export function SelectRowCell<K>({ selection, rowKey, label }: { selection: Selection<K>; rowKey: K; label: string }) {
  return (
    <td className="select-cell">
      <input type="checkbox" checked={selection.has(rowKey)} onChange={() => selection.toggle(rowKey)} aria-label={label} />
    </td>
  );
}
