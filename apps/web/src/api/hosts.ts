import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from './client';
import { repositoryKeys } from './repositories';

/** A machine Borgitory logs in to over ssh (pull mode), with the fingerprint of the host key known for it, if any. */
export type Host = Schemas['HostDto'];
export type HostKeyPolicy = Host['host_key_policy'];
/** What the form sends to add a host; `host_key` is required with `strict`. */
export type HostInput = Schemas['HostInputDto'];
/** Only the fields that change; a strict host keeps its known key when `host_key` is left out. */
export type HostUpdate = Schemas['HostUpdateDto'];
/** A host whose directories are browsed: listed by its id, named in the picker's title. */
export type BrowsedHost = Pick<Host, 'id' | 'name'>;

export const HOST_PAGE_SIZE = 50;

export const hostKeys = {
  all: ['hosts'] as const,
  lists: ['hosts', 'list'] as const,
  list: (offset: number) => ['hosts', 'list', { offset, limit: HOST_PAGE_SIZE }] as const,
  detail: (id: number) => ['hosts', 'detail', id] as const,
  authorizedKey: ['hosts', 'authorized-key'] as const,
};

/** One page of hosts, by name; the previous page stays on screen while the next one loads. */
export function useHosts(offset: number, enabled = true) {
  return useQuery({
    queryKey: hostKeys.list(offset),
    enabled,
    queryFn: () => unwrapPage(api.GET('/api/v1/hosts', { params: { query: { limit: HOST_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

/** Each host's name by id, from the first page of hosts (a short list: each is a machine); `Host #id` for one not on it. */
export function useHostNames(): (id: number) => string {
  const page = useHosts(0).data;
  const names = useMemo(() => new Map((page?.items ?? []).map((host) => [host.id, host.name])), [page]);
  return useCallback((id) => names.get(id) ?? `Host #${id}`, [names]);
}

export function useHost(id: number) {
  return useQuery({
    queryKey: hostKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/hosts/{id}', { params: { path: { id } } })),
  });
}

/** The line a host's user adds to ~/.ssh/authorized_keys so that Borgitory can log in (admins only); it changes only with the key. */
export function useHostAuthorizedKey() {
  return useQuery({
    queryKey: hostKeys.authorizedKey,
    queryFn: () => unwrap(api.GET('/api/v1/hosts/authorized-key')),
    staleTime: Infinity,
  });
}

/** What shows hosts asked again after a change: their lists, or everything about them, and the dashboard's overview. */
function refreshHosts(queryClient: QueryClient, queryKey: readonly string[]): Promise<unknown> {
  return Promise.all([queryClient.invalidateQueries({ queryKey }), queryClient.invalidateQueries({ queryKey: repositoryKeys.overview })]);
}

/** A host as the server saved it: kept as it is, and the lists asked again. */
function refreshHost(queryClient: QueryClient, host: Host): Promise<unknown> {
  queryClient.setQueryData(hostKeys.detail(host.id), host);
  return refreshHosts(queryClient, hostKeys.lists);
}

export function useCreateHost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HostInput) => unwrap(api.POST('/api/v1/hosts', { body: input })),
    onSuccess: (host) => refreshHost(queryClient, host),
  });
}

export function useUpdateHost(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: HostUpdate) => unwrap(api.PUT('/api/v1/hosts/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: (host) => refreshHost(queryClient, host),
  });
}

/** Deletes the host; its key leaves known_hosts unless something else reaches the same address. */
export function useDeleteHost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/v1/hosts/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: hostKeys.detail(id) });
      return refreshHosts(queryClient, hostKeys.lists);
    },
  });
}

/** What a connection test found: the user, borg's and socat's versions and the free space, or each problem with its fix. */
export type HostTest = Schemas['HostTestDto'];
export type HostProblem = Schemas['HostProblemDto'];

/** Logs in to the host and looks for borg and socat (operators and up); the host's `last_test` (and the dashboard's reachability) changes with it. */
export function useTestHost(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/hosts/{id}/test', { params: { path: { id } } })),
    onSuccess: () => refreshHosts(queryClient, hostKeys.all),
  });
}

/** Adds Borgitory's key line with the host user's password, used for this one request (admins only), then tests the host. */
export function useInstallHostKey(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => unwrap(api.POST('/api/v1/hosts/{id}/install-key', { params: { path: { id } }, body: { password } })),
    onSuccess: () => refreshHosts(queryClient, hostKeys.all),
  });
}
