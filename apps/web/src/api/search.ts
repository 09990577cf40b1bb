import { unwrap, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { archiveSerializers } from './archive-urls';
import { api } from './client';

/** Files by name across every repository, from the archives' browse indexes. */
export type FileSearchResult = Schemas['FileSearchResultDto'];
/** A path in a repository, at the newest archive that holds it, with the other archives that hold it. */
export type FileHit = Schemas['FileHitDto'];

export const FILE_SEARCH_LIMIT = 100;
/** The shortest search the server accepts. */
export const MIN_SEARCH_LENGTH = 2;

export const searchKeys = {
  all: ['search'] as const,
  files: (q: string) => ['search', 'files', q] as const,
};

export function useFileSearch(q: string) {
  return useQuery({
    queryKey: searchKeys.files(q),
    queryFn: () => unwrap(api.GET('/api/v1/search', { params: { query: { q, limit: FILE_SEARCH_LIMIT } }, ...archiveSerializers })),
    enabled: q.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
