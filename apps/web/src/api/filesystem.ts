import { unwrap, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** A directory of the server or of a host, as the source picker shows it. */
export type DirectoryListing = Schemas['DirectoryListingDto'];
export type DirectoryEntry = Schemas['DirectoryEntryDto'];

/** Whose directories are listed: this server's (null) or those of the host with this id, over ssh. */
export type DirectoryOwner = number | null;

export const filesystemKeys = {
  directory: (path: string, hostId: DirectoryOwner) => ['filesystem', 'directory', hostId ?? 'server', path] as const,
};

/**
 * The entries of a directory of the server, or of a host (at most 1000); the last listing stays shown while the next
 * loads. On a host an empty path lists the home directory of the user Borgitory logs in as.
 */
export function useDirectory(path: string, hostId: DirectoryOwner) {
  return useQuery({
    queryKey: filesystemKeys.directory(path, hostId),
    queryFn: () =>
      hostId === null
        ? unwrap(api.GET('/api/v1/filesystem/directory', { params: { query: { path } } }))
        : unwrap(api.GET('/api/v1/hosts/{id}/directories', { params: { path: { id: hostId }, query: path === '' ? {} : { path } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
