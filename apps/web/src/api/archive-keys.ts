import type { DayRange } from '../util/day-range';

/**
 * The query keys of archives, by repository. Kept apart from the hooks so that
 * the job hooks can refresh archive lists without importing them.
 */
export type BrowseSort = 'name' | 'size' | 'mtime';
export type SortOrder = 'asc' | 'desc';
/** The archive list: newest first (as the server keeps it) or oldest first. */
export type ArchiveOrder = 'newest' | 'oldest';

export interface BrowseParams {
  /** A directory of the archive with a leading slash, surrogate-escaped as the API writes it. */
  path: string;
  sort: BrowseSort;
  order: SortOrder;
  offset: number;
}

export interface DiffParams {
  path: string;
  contentOnly: boolean;
  offset: number;
}

export const archiveKeys = {
  all: ['archives'] as const,
  repository: (repositoryId: number) => ['archives', repositoryId] as const,
  lists: (repositoryId: number) => ['archives', repositoryId, 'list'] as const,
  list: (repositoryId: number, order: ArchiveOrder, offset: number, limit: number, days: DayRange = {}) =>
    ['archives', repositoryId, 'list', { order, offset, limit, ...days }] as const,
  detail: (repositoryId: number, name: string) => ['archives', repositoryId, 'detail', name] as const,
  browseAll: (repositoryId: number, name: string) => ['archives', repositoryId, 'browse', name] as const,
  browse: (repositoryId: number, name: string, params: BrowseParams) => ['archives', repositoryId, 'browse', name, params] as const,
  index: (repositoryId: number, name: string) => ['archives', repositoryId, 'index', name] as const,
  diff: (repositoryId: number, from: string, to: string, params: DiffParams) =>
    ['archives', repositoryId, 'diff', from, to, params] as const,
  search: (repositoryId: number, q: string) => ['archives', repositoryId, 'search', q] as const,
};
