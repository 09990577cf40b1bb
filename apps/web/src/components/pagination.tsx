import './pagination.css';

interface PaginationProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  /** What the list holds, for the navigation's accessible name. */
  label: string;
}

/** Previous/Next through a list of `total` items, `limit` at a time; nothing when everything fits on one page. */
export function Pagination({ offset, limit, total, onChange, label }: PaginationProps) {
  if (total <= limit) return null;
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);

  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <button type="button" className="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Previous
      </button>
      <p className="pagination__range">
        {first}–{last} of {total}
      </p>
      <button type="button" className="button" disabled={last >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
