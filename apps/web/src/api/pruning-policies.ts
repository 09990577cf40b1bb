import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keepJob } from './jobs';

/** A pruning policy: borg prune's keep rules, an archive pattern, and whether borg compact follows. */
export type PruningPolicy = Schemas['PruningPolicyDto'];
/** What the form sends on create and update; PUT replaces the whole policy, so every rule is sent (null for none). */
export type PruningPolicyInput = Schemas['PruningPolicyInputDto'];
/** What borg prune --dry-run --list decided: each kept archive with the rule that keeps it, and the archives it would delete. */
export type PrunePreview = Schemas['PrunePreviewDto'];
export type PruneRequest = Schemas['PruneRequestDto'];

export const PRUNING_POLICY_PAGE_SIZE = 50;
/** The most policies a select offers (the API's page limit). */
const OPTIONS_LIMIT = 200;

export const pruningPolicyKeys = {
  all: ['pruning-policies'] as const,
  lists: ['pruning-policies', 'list'] as const,
  list: (offset: number) => ['pruning-policies', 'list', { offset, limit: PRUNING_POLICY_PAGE_SIZE }] as const,
  options: ['pruning-policies', 'list', { offset: 0, limit: OPTIONS_LIMIT }] as const,
  detail: (id: number) => ['pruning-policies', 'detail', id] as const,
  preview: (id: number, repositoryId: number) => ['pruning-policies', 'preview', id, repositoryId] as const,
};

/** One page of policies, by name; the previous page stays on screen while the next one loads. */
export function usePruningPolicies(offset: number) {
  return useQuery({
    queryKey: pruningPolicyKeys.list(offset),
    queryFn: () => unwrapPage(api.GET('/api/pruning-policies', { params: { query: { limit: PRUNING_POLICY_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

/** The policies to choose from in a schedule's select, by name. */
export function usePruningPolicyOptions() {
  return useQuery({
    queryKey: pruningPolicyKeys.options,
    queryFn: () => unwrapPage(api.GET('/api/pruning-policies', { params: { query: { limit: OPTIONS_LIMIT, offset: 0 } } })),
  });
}

export function usePruningPolicy(id: number) {
  return useQuery({
    queryKey: pruningPolicyKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/pruning-policies/{id}', { params: { path: { id } } })),
  });
}

export function useCreatePruningPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PruningPolicyInput) => unwrap(api.POST('/api/pruning-policies', { body: input })),
    onSuccess: (policy) => {
      queryClient.setQueryData(pruningPolicyKeys.detail(policy.id), policy);
      return queryClient.invalidateQueries({ queryKey: pruningPolicyKeys.lists });
    },
  });
}

export function useUpdatePruningPolicy(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PruningPolicyInput) => unwrap(api.PUT('/api/pruning-policies/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (policy) => {
      queryClient.setQueryData(pruningPolicyKeys.detail(id), policy);
      return queryClient.invalidateQueries({ queryKey: pruningPolicyKeys.lists });
    },
  });
}

export function useDeletePruningPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/pruning-policies/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: pruningPolicyKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: pruningPolicyKeys.lists });
    },
  });
}

/**
 * What the policy would keep and prune in the repository. It runs borg, so it
 * is asked for only when a repository is chosen and never again on its own,
 * and it is not kept once off screen (the archives may have changed by then).
 */
export function usePrunePreview(id: number, repositoryId: number | null) {
  return useQuery({
    queryKey: pruningPolicyKeys.preview(id, repositoryId ?? 0),
    queryFn: () =>
      unwrap(
        api.POST('/api/pruning-policies/{id}/preview', {
          params: { path: { id } },
          body: { repository_id: repositoryId ?? 0 },
        }),
      ),
    enabled: repositoryId !== null,
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Queues a prune job (borg compact follows when the policy says so and it is not a dry run). */
export function useStartPrune() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ repositoryId, ...body }: PruneRequest & { repositoryId: number }) =>
      unwrap(api.POST('/api/repositories/{id}/prune', { params: { path: { id: repositoryId } }, body })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}
