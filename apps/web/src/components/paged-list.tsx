import type { Page } from '@borgitory/api-client';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/errors';
import { Pagination } from './pagination';

interface PagedListProps<T> {
  /** The query of the page of the list at `offset`. */
  query: UseQueryResult<Page<T>>;
  /** Said while the page loads, e.g. "Loading schedules…". */
  loading: string;
  /** Shown when the whole list is empty. */
  empty: ReactNode;
  /** The items in the plural, for a page past the end: "There are no schedules on this page." */
  noun: string;
  /** Where the list's first page is. */
  firstPagePath: string;
  /** What the list holds, for the page navigation's accessible name. */
  label: string;
  offset: number;
  pageSize: number;
  onOffsetChange: (offset: number) => void;
  /** The page's items, e.g. as a table. */
  children: (items: T[]) => ReactNode;
}

/** One page of a list with the pages' navigation; or that it loads, why it failed, that it is empty. */
export function PagedList<T>({
  query,
  loading,
  empty,
  noun,
  firstPagePath,
  label,
  offset,
  pageSize,
  onOffsetChange,
  children,
}: PagedListProps<T>) {
  if (query.isPending) {
    return (
      <p className="panel" role="status">
        {loading}
      </p>
    );
  }
  if (query.isError) {
    return (
      <p className="alert alert--error page-alert" role="alert">
        {errorMessage(query.error)}
      </p>
    );
  }
  if (query.data.meta.total === 0) return empty;
  if (query.data.items.length === 0) {
    return (
      <p className="panel">
        There are no {noun} on this page. <Link to={firstPagePath}>Go to the first page</Link>.
      </p>
    );
  }
  return (
    <>
      {children(query.data.items)}
      <Pagination label={label} offset={offset} limit={pageSize} total={query.data.meta.total} onChange={onOffsetChange} />
    </>
  );
}
