import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from './client';

/** A repository as the API sends it. The figures are null until borg has been asked (they are filled at creation). */
export type Repository = Schemas['RepositoryDto'];
/** The answer of "Test connection": ok=false carries borg's reason in `error`. */
export type RepositoryTestResult = Schemas['RepositoryTestResultDto'];
export type Encryption = Repository['encryption'];
export type HostKeyPolicy = Repository['ssh_host_key_policy'];
export type RepositoryInfo = Schemas['RepositoryInfoDto'];
export type RepositoryKey = Schemas['RepositoryKeyDto'];
/** What the create/import form sends; ssh fields only for ssh locations (the API refuses them for local paths). */
export type CreateRepositoryInput = Schemas['CreateRepositoryDto'];
/** Only the fields that change; `ssh_private_key: null` goes back to Borgitory's own key. */
export type UpdateRepositoryInput = Schemas['UpdateRepositoryDto'];

export const REPOSITORY_PAGE_SIZE = 50;
/** The most repositories a select offers (the API's page limit). */
const REPOSITORY_OPTIONS_LIMIT = 200;

export const repositoryKeys = {
  all: ['repositories'] as const,
  lists: ['repositories', 'list'] as const,
  list: (offset: number) => ['repositories', 'list', { offset, limit: REPOSITORY_PAGE_SIZE }] as const,
  options: ['repositories', 'list', { offset: 0, limit: REPOSITORY_OPTIONS_LIMIT }] as const,
  detail: (id: number) => ['repositories', 'detail', id] as const,
  overview: ['repositories', 'overview'] as const,
};

/** One page of repositories, by name; the previous page stays on screen while the next one loads. */
export function useRepositories(offset: number) {
  return useQuery({
    queryKey: repositoryKeys.list(offset),
    queryFn: async () => {
      return unwrapPage(api.GET('/api/v1/repositories', { params: { query: { limit: REPOSITORY_PAGE_SIZE, offset } } }));
    },
    placeholderData: keepPreviousData,
  });
}

const readRepositoryOptions = () =>
  unwrapPage(api.GET('/api/v1/repositories', { params: { query: { limit: REPOSITORY_OPTIONS_LIMIT, offset: 0 } } }));

/** The repositories to choose from in a select (and to name them in job lists), by name. */
export function useRepositoryOptions() {
  return useQuery({ queryKey: repositoryKeys.options, queryFn: readRepositoryOptions });
}

/**
 * A function naming repositories by id, for job lists. A job may name a
 * repository that has since been removed: "Repository #3 (removed)"; while the
 * names load, or past the ones loaded, just "Repository #3".
 */
export function useRepositoryNames(): (id: number | null) => string {
  const options = useRepositoryOptions();
  const page = options.data;
  const names = useMemo(() => new Map((page?.items ?? []).map((repository) => [repository.id, repository.name])), [page]);
  const complete = page !== undefined && page.meta.total <= page.items.length;
  return useCallback(
    (id) => (id === null ? '—' : (names.get(id) ?? `Repository #${id}${complete ? ' (removed)' : ''}`)),
    [names, complete],
  );
}

export function useRepository(id: number) {
  return useQuery({
    queryKey: repositoryKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/repositories/{id}', { params: { path: { id } } })),
  });
}

/** Creates (borg init) or imports a repository; borg runs first, so this can take a few seconds. */
export function useCreateRepository() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRepositoryInput) => unwrap(api.POST('/api/v1/repositories', { body: input })),
    onSuccess: (repository) => {
      queryClient.setQueryData(repositoryKeys.detail(repository.id), repository);
      return queryClient.invalidateQueries({ queryKey: repositoryKeys.lists });
    },
  });
}

/** Saves changes; a new path, passphrase or ssh setting is verified by borg before the server keeps it. */
export function useUpdateRepository(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRepositoryInput) => unwrap(api.PUT('/api/v1/repositories/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (repository) => {
      queryClient.setQueryData(repositoryKeys.detail(id), repository);
      return queryClient.invalidateQueries({ queryKey: repositoryKeys.lists });
    },
  });
}

/** Forgets the repository; with `deleteData` borg also deletes it and every archive in it. */
export function useDeleteRepository(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deleteData: boolean) =>
      unwrap(
        api.DELETE('/api/v1/repositories/{id}', {
          params: { path: { id }, query: { delete_data: String(deleteData) } },
        }),
      ),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: repositoryKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: repositoryKeys.lists });
    },
  });
}

/** Asks borg to open the repository. The server refreshes the stored figures, so the cached repository is too. */
export function useTestRepository(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/repositories/{id}/test', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: repositoryKeys.all }),
  });
}

/**
 * Runs `borg info` on demand (it can take a while on a remote repository), so
 * it is an action rather than a cached query; the stored figures change with it.
 */
export function useRepositoryInfo(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/repositories/{id}/info', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repositoryKeys.all }),
  });
}

/** The repository key as text; an action, so the key is never kept in the query cache. */
export function useExportRepositoryKey(id: number) {
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/repositories/{id}/key', { params: { path: { id } } })),
  });
}

/** Removes a stale borg lock. */
export function useBreakRepositoryLock(id: number) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/repositories/{id}/break-lock', { params: { path: { id } } })),
  });
}
