import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keepJob } from './jobs';

/** A check policy: what borg check looks at (repository, archives or both) and how far. */
export type CheckPolicy = Schemas['CheckPolicyDto'];
/** What the form sends on create and update; PUT replaces the whole policy. */
export type CheckPolicyInput = Schemas['CheckPolicyInputDto'];
export type CheckScope = Schemas['CheckScope'];
export type CheckRequest = Schemas['CheckRequestDto'];

export const CHECK_POLICY_PAGE_SIZE = 50;
/** The most policies a select offers (the API's page limit). */
const OPTIONS_LIMIT = 200;

export const checkPolicyKeys = {
  all: ['check-policies'] as const,
  lists: ['check-policies', 'list'] as const,
  list: (offset: number) => ['check-policies', 'list', { offset, limit: CHECK_POLICY_PAGE_SIZE }] as const,
  options: ['check-policies', 'list', { offset: 0, limit: OPTIONS_LIMIT }] as const,
  detail: (id: number) => ['check-policies', 'detail', id] as const,
};

/** One page of policies, by name; the previous page stays on screen while the next one loads. */
export function useCheckPolicies(offset: number) {
  return useQuery({
    queryKey: checkPolicyKeys.list(offset),
    queryFn: () => unwrapPage(api.GET('/api/check-policies', { params: { query: { limit: CHECK_POLICY_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

/** The policies to choose from in a schedule's select, by name. */
export function useCheckPolicyOptions() {
  return useQuery({
    queryKey: checkPolicyKeys.options,
    queryFn: () => unwrapPage(api.GET('/api/check-policies', { params: { query: { limit: OPTIONS_LIMIT, offset: 0 } } })),
  });
}

export function useCheckPolicy(id: number) {
  return useQuery({
    queryKey: checkPolicyKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/check-policies/{id}', { params: { path: { id } } })),
  });
}

export function useCreateCheckPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckPolicyInput) => unwrap(api.POST('/api/check-policies', { body: input })),
    onSuccess: (policy) => {
      queryClient.setQueryData(checkPolicyKeys.detail(policy.id), policy);
      return queryClient.invalidateQueries({ queryKey: checkPolicyKeys.lists });
    },
  });
}

export function useUpdateCheckPolicy(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckPolicyInput) => unwrap(api.PUT('/api/check-policies/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (policy) => {
      queryClient.setQueryData(checkPolicyKeys.detail(id), policy);
      return queryClient.invalidateQueries({ queryKey: checkPolicyKeys.lists });
    },
  });
}

export function useDeleteCheckPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/check-policies/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: checkPolicyKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: checkPolicyKeys.lists });
    },
  });
}

/** Queues a check job; without a policy borg checks the repository and every archive. */
export function useStartCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ repositoryId, ...body }: CheckRequest & { repositoryId: number }) =>
      unwrap(api.POST('/api/repositories/{id}/check', { params: { path: { id: repositoryId } }, body })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}
