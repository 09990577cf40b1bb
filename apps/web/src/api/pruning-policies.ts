import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keepJob } from './jobs';
import { policyQueries } from './policy-queries';

/** A pruning policy: borg prune's keep rules, an archive pattern, and whether borg compact follows. */
export type PruningPolicy = Schemas['PruningPolicyDto'];
/** What the form sends on create and update: every rule, null for none, so that PUT clears a rule the form emptied. */
export type PruningPolicyInput = Schemas['PruningPolicyInputDto'];
/** What borg prune --dry-run --list decided: each kept archive with the rule that keeps it, and the archives it would delete. */
export type PrunePreview = Schemas['PrunePreviewDto'];
export type PruneRequest = Schemas['PruneRequestDto'];

const pruningPolicies = policyQueries<PruningPolicy, PruningPolicyInput>({
  resource: 'pruning-policies',
  list: (query) => unwrapPage(api.GET('/api/v1/pruning-policies', { params: { query } })),
  get: (id) => unwrap(api.GET('/api/v1/pruning-policies/{id}', { params: { path: { id } } })),
  create: (body) => unwrap(api.POST('/api/v1/pruning-policies', { body })),
  update: (id, body) => unwrap(api.PUT('/api/v1/pruning-policies/{id}', { params: { path: { id } }, body })),
  remove: (id) => unwrap(api.DELETE('/api/v1/pruning-policies/{id}', { params: { path: { id } } })),
});

export const {
  usePolicies: usePruningPolicies,
  usePolicyOptions: usePruningPolicyOptions,
  usePolicy: usePruningPolicy,
  useCreatePolicy: useCreatePruningPolicy,
  useUpdatePolicy: useUpdatePruningPolicy,
  useDeletePolicy: useDeletePruningPolicy,
} = pruningPolicies;

/**
 * What the policy would keep and prune in the repository. It runs borg, so it
 * is asked for only when a repository is chosen and never again on its own,
 * and it is not kept once off screen (the archives may have changed by then).
 */
export function usePrunePreview(id: number, repositoryId: number | null) {
  return useQuery({
    queryKey: [...pruningPolicies.keys.all, 'preview', id, repositoryId ?? 0],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/pruning-policies/{id}/preview', {
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
      unwrap(api.POST('/api/v1/repositories/{id}/prune', { params: { path: { id: repositoryId } }, body })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}
