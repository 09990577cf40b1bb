import { unwrap, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** A directory of the server, as the source picker shows it. */
export type DirectoryListing = Schemas['DirectoryListingDto'];
export type DirectoryEntry = Schemas['DirectoryEntryDto'];

export const filesystemKeys = {
  directory: (path: string) => ['filesystem', 'directory', path] as const,
};

/** The entries of a directory of the server (at most 1000); the last listing stays shown while the next loads. */
export function useDirectory(path: string, enabled = true) {
  return useQuery({
    queryKey: filesystemKeys.directory(path),
    queryFn: () => unwrap(api.GET('/api/v1/filesystem/directory', { params: { query: { path } } })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
