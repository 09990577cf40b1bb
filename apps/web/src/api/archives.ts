import { unwrap, unwrapPage, type operations, type Page, type PageMeta, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { archiveKeys, type ArchiveOrder, type BrowseParams, type DiffParams } from './archive-keys';
import { archiveSerializers } from './archive-urls';
import { api } from './client';
import { jobKeys, keepJob, type Job } from './jobs';
import { repositoryKeys } from './repositories';
import { dayRangeBounds, type DayRange } from '../util/day-range';

export { archiveKeys } from './archive-keys';
export type { ArchiveOrder, BrowseParams, BrowseSort, DiffParams, SortOrder } from './archive-keys';

/** An archive as the stored list has it; the figures are null until borg has reported them. */
export type Archive = Schemas['ArchiveDto'];
/** An archive with `borg info`'s figures and the command line that made it. */
export type ArchiveDetails = Schemas['ArchiveDetailsDto'];
/** A file, directory, link… inside an archive. `name` and `path` may hold lone surrogates (bytes that are not UTF-8). */
export type ArchiveEntry = Schemas['ArchiveEntryDto'];
export type ArchiveEntryType = Schemas['ArchiveEntryType'];
/** How far the archive's browse index is: none, building (with a count), ready or failed. */
export type ArchiveIndexStatus = Schemas['ArchiveIndexStatusDto'];
export type RestoreInput = Schemas['RestoreArchiveDto'];
export type DiffEntry = Schemas['DiffEntryDto'];
export type DiffChange = Schemas['DiffChangeDto'];
export type SearchResult = Schemas['SearchResultDto'];
export type SearchHit = Schemas['SearchHitDto'];

/** An answer in the success envelope, for the operations whose typed answer is a union. */
type JsonAnswer<T> = { data?: { data: T }; error?: unknown; response: Response };
type ArchiveListQuery = NonNullable<operations['archivesList']['parameters']['query']>;
type PageAnswer<T> = { data?: { data: T[]; meta: PageMeta }; error?: unknown; response: Response };

export const ARCHIVE_PAGE_SIZE = 50;
export const BROWSE_PAGE_SIZE = 100;
export const DIFF_PAGE_SIZE = 100;
export const SEARCH_LIMIT = 100;
/** The most archives a select offers, and the page size when every archive is read (the API's maximum). */
const ARCHIVE_OPTIONS_LIMIT = 200;
/** How often the index of an archive being indexed is asked for. */
const INDEX_POLL_MS = 1000;

/**
 * The archives of a repository, 50 to a page, newest first or oldest first, of a range of days if given; the last
 * page stays shown while the next loads.
 */
export function useArchives(repositoryId: number, order: ArchiveOrder, offset: number, days: DayRange = {}) {
  return useQuery({
    queryKey: archiveKeys.list(repositoryId, order, offset, ARCHIVE_PAGE_SIZE, days),
    queryFn: () => listArchives(repositoryId, ARCHIVE_PAGE_SIZE, offset, { order: order === 'newest' ? 'desc' : 'asc', days }),
    placeholderData: keepPreviousData,
  });
}

/** The newest archives (up to 200), to choose one from in a select. */
export function useArchiveOptions(repositoryId: number) {
  return useQuery({
    queryKey: archiveKeys.list(repositoryId, 'newest', 0, ARCHIVE_OPTIONS_LIMIT),
    queryFn: () => listArchives(repositoryId, ARCHIVE_OPTIONS_LIMIT, 0),
  });
}

interface ListOptions {
  refresh?: boolean;
  order?: 'asc' | 'desc';
  days?: DayRange;
}

function listArchives(repositoryId: number, limit: number, offset: number, options: ListOptions = {}) {
  const query: ArchiveListQuery = {
    limit,
    offset,
    order: options.order ?? 'desc',
    ...(options.refresh ? { refresh: 'true' as const } : {}),
    ...dayRangeBounds(options.days ?? {}),
  };
  return unwrapPage(api.GET('/api/v1/repositories/{id}/archives', { params: { path: { id: repositoryId }, query } }));
}

/** "Refresh from borg": reads the archive list from borg (archives made or deleted outside Borgitory). */
export function useRefreshArchives(repositoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => listArchives(repositoryId, 1, 0, { refresh: true }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: archiveKeys.repository(repositoryId) }),
        queryClient.invalidateQueries({ queryKey: repositoryKeys.all }),
      ]),
  });
}

/** `borg info` of the archive; the server runs it once and keeps the answer, which never changes. */
export function useArchiveDetails(repositoryId: number, name: string) {
  return useQuery({
    queryKey: archiveKeys.detail(repositoryId, name),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/repositories/{id}/archives/{archive}', {
          params: { path: { id: repositoryId, archive: name } },
          ...archiveSerializers,
        }),
      ),
    staleTime: Infinity,
  });
}

/** How a delete went: done (the server answered 204), or still running as `job` (202). */
export interface DeleteOutcome {
  job: Job | null;
}

/** Deletes an archive through a job; the server waits for it up to a minute, then answers with the job. */
export function useDeleteArchive(repositoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string): Promise<DeleteOutcome> => {
      const request = api.DELETE('/api/v1/repositories/{id}/archives/{archive}', {
        params: { path: { id: repositoryId, archive: name } },
        ...archiveSerializers,
      });
      const job = await unwrap(request as Promise<JsonAnswer<Job | undefined>>);
      return { job: job ?? null };
    },
    onSuccess: (outcome, name) => {
      queryClient.removeQueries({ queryKey: archiveKeys.detail(repositoryId, name) });
      queryClient.removeQueries({ queryKey: archiveKeys.browseAll(repositoryId, name) });
      if (outcome.job) queryClient.setQueryData(jobKeys.detail(outcome.job.id), outcome.job);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: archiveKeys.repository(repositoryId) }),
        queryClient.invalidateQueries({ queryKey: repositoryKeys.all }),
        queryClient.invalidateQueries({ queryKey: jobKeys.lists }),
      ]),
  });
}

/** What a bulk delete did: the finished job, or the job that carries on (`finished` false). */
export interface DeleteManyOutcome {
  job: Job;
  finished: boolean;
}

/** Deletes several archives in one job (one borg delete), then compacts when asked. A failed deletion is the error. */
export function useDeleteArchives(repositoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { names: string[]; compact: boolean }): Promise<DeleteManyOutcome> => {
      const answer = await api.POST('/api/v1/repositories/{id}/archives/delete', { params: { path: { id: repositoryId } }, body: input });
      const job = await unwrap(Promise.resolve(answer));
      return { job, finished: answer.response.status !== 202 };
    },
    onSuccess: (outcome, input) => {
      for (const name of input.names) {
        queryClient.removeQueries({ queryKey: archiveKeys.detail(repositoryId, name) });
        queryClient.removeQueries({ queryKey: archiveKeys.browseAll(repositoryId, name) });
      }
      queryClient.setQueryData(jobKeys.detail(outcome.job.id), outcome.job);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: archiveKeys.repository(repositoryId) }),
        queryClient.invalidateQueries({ queryKey: repositoryKeys.all }),
        queryClient.invalidateQueries({ queryKey: jobKeys.lists }),
      ]),
  });
}

/** A directory of an archive: its entries, or, while the archive is first indexed (202), how far that is. */
export type Listing = { state: 'ready'; page: Page<ArchiveEntry> } | { state: 'indexing'; index: ArchiveIndexStatus };

/**
 * One page of a directory of the archive. An archive's contents never change,
 * so a listing is kept; one that said "indexing" is asked again once the index is ready.
 */
export function useArchiveListing(repositoryId: number, name: string, params: BrowseParams) {
  return useQuery({
    queryKey: archiveKeys.browse(repositoryId, name, params),
    queryFn: async (): Promise<Listing> => {
      const request = api.GET('/api/v1/repositories/{id}/archives/{archive}/browse', {
        params: {
          path: { id: repositoryId, archive: name },
          query: { path: params.path, sort: params.sort, order: params.order, limit: BROWSE_PAGE_SIZE, offset: params.offset },
        },
        ...archiveSerializers,
      });
      const { response } = await request;
      if (response.status === 202) {
        return { state: 'indexing', index: await unwrap(request as Promise<JsonAnswer<ArchiveIndexStatus>>) };
      }
      return { state: 'ready', page: await unwrapPage(request as Promise<PageAnswer<ArchiveEntry>>) };
    },
    placeholderData: keepPreviousData,
    staleTime: (query) => (query.state.data?.state === 'ready' ? Infinity : 0),
  });
}

/** The state of the archive's index, asked for every second while `polling`. */
export function useArchiveIndexStatus(repositoryId: number, name: string, polling: boolean) {
  return useQuery({
    queryKey: archiveKeys.index(repositoryId, name),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/repositories/{id}/archives/{archive}/index', {
          params: { path: { id: repositoryId, archive: name } },
          ...archiveSerializers,
        }),
      ),
    enabled: polling,
    refetchInterval: polling ? INDEX_POLL_MS : false,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Once an index is ready the listings that waited for it are asked again, and the archive lists show it as indexed. */
export function useIndexReady(repositoryId: number, name: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: archiveKeys.browseAll(repositoryId, name) }),
        queryClient.invalidateQueries({ queryKey: archiveKeys.lists(repositoryId) }),
      ]),
    [queryClient, repositoryId, name],
  );
}

/** Restores files and directories of the archive into a directory of the server; the answer is the job. */
export function useRestoreArchive(repositoryId: number, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RestoreInput) =>
      unwrap(
        api.POST('/api/v1/repositories/{id}/archives/{archive}/restore', {
          params: { path: { id: repositoryId, archive: name } },
          body: input,
          ...archiveSerializers,
        }),
      ),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}

/** What changed from archive `from` to archive `to` (borg diff), a page at a time. */
export function useArchiveDiff(repositoryId: number, from: string | null, to: string, params: DiffParams) {
  return useQuery({
    queryKey: archiveKeys.diff(repositoryId, from ?? '', to, params),
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/repositories/{id}/archives/{archive}/diff/{other}', {
          params: {
            path: { id: repositoryId, archive: from ?? '', other: to },
            query: {
              path: params.path === '/' ? undefined : params.path,
              content_only: params.contentOnly ? 'true' : 'false',
              limit: DIFF_PAGE_SIZE,
              offset: params.offset,
            },
          },
          ...archiveSerializers,
        }),
      ),
    enabled: from !== null && from !== to,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** Files by name across the archives that have an index; asked again every `refetchMs` while set (indexing under way). */
export function useArchiveSearch(repositoryId: number, q: string, refetchMs: number | false = false) {
  return useQuery({
    queryKey: archiveKeys.search(repositoryId, q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/repositories/{id}/search', {
          params: { path: { id: repositoryId }, query: { q, limit: SEARCH_LIMIT } },
          ...archiveSerializers,
        }),
      ),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs,
    staleTime: 0,
  });
}

/** Starts building the index of every archive that has none, so that search covers them; the answer is how many. */
export function useIndexAllArchives(repositoryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<number> => {
      const names: string[] = [];
      for (let offset = 0; ; offset += ARCHIVE_OPTIONS_LIMIT) {
        const page = await listArchives(repositoryId, ARCHIVE_OPTIONS_LIMIT, offset);
        names.push(...page.items.filter((archive) => !archive.indexed).map((archive) => archive.name));
        if (offset + page.items.length >= page.meta.total || page.items.length === 0) break;
      }
      for (const name of names) {
        await unwrap(
          api.POST('/api/v1/repositories/{id}/archives/{archive}/index', {
            params: { path: { id: repositoryId, archive: name } },
            ...archiveSerializers,
          }),
        );
      }
      return names.length;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: archiveKeys.repository(repositoryId) }),
  });
}
