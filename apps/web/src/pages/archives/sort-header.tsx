import type { SortOrder } from '../../api/archive-keys';

interface SortHeaderProps {
  label: string;
  /** Whether the table is sorted by this column. */
  active: boolean;
  order: SortOrder;
  onSort: () => void;
  numeric?: boolean;
}

/** A column header that sorts the table when pressed; the current sort is told by `aria-sort` and an arrow. */
export function SortHeader({ label, active, order, onSort, numeric = false }: SortHeaderProps) {
  return (
    <th
      scope="col"
      className={numeric ? 'numeric' : undefined}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className={`sort-button${active ? ' sort-button--active' : ''}`} onClick={onSort}>
        {label}
        <svg className="sort-button__arrow" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
          {active ? (
            <path d={order === 'asc' ? 'M5 2 9 7H1z' : 'M5 8 1 3h8z'} />
          ) : (
            <path d="M5 0.5 8.5 4h-7zM5 9.5 1.5 6h7z" opacity="0.45" />
          )}
        </svg>
      </button>
    </th>
  );
}
