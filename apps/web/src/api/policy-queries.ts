import type { Page } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const POLICY_PAGE_SIZE = 50;
/** The most policies a select offers (the API's page limit). */
const OPTIONS_LIMIT = 200;

/** How one kind of policy is read and written through the API. */
export interface PolicyEndpoints<Policy, Input> {
  /** The resource, which also leads its query keys: "pruning-policies". */
  resource: string;
  list: (query: { limit: number; offset: number }) => Promise<Page<Policy>>;
  get: (id: number) => Promise<Policy>;
  create: (input: Input) => Promise<Policy>;
  /** PUT: changes the fields the input gives (the forms give them all). */
  update: (id: number, input: Input) => Promise<Policy>;
  remove: (id: number) => Promise<unknown>;
}

function policyKeys(resource: string) {
  return {
    all: [resource] as const,
    lists: [resource, 'list'] as const,
    list: (offset: number) => [resource, 'list', { offset, limit: POLICY_PAGE_SIZE }] as const,
    options: [resource, 'list', { offset: 0, limit: OPTIONS_LIMIT }] as const,
    detail: (id: number) => [resource, 'detail', id] as const,
  };
}

/** The queries and mutations every kind of policy has; a saved or deleted policy refreshes the lists. */
export function policyQueries<Policy extends { id: number }, Input>(endpoints: PolicyEndpoints<Policy, Input>) {
  const keys = policyKeys(endpoints.resource);

  /** One page of policies, by name; the previous page stays on screen while the next one loads. */
  function usePolicies(offset: number) {
    return useQuery({
      queryKey: keys.list(offset),
      queryFn: () => endpoints.list({ limit: POLICY_PAGE_SIZE, offset }),
      placeholderData: keepPreviousData,
    });
  }

  /** The policies to choose from in a schedule's select, by name. */
  function usePolicyOptions() {
    return useQuery({ queryKey: keys.options, queryFn: () => endpoints.list({ limit: OPTIONS_LIMIT, offset: 0 }) });
  }

  function usePolicy(id: number) {
    return useQuery({ queryKey: keys.detail(id), queryFn: () => endpoints.get(id) });
  }

  function useCreatePolicy() {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn: endpoints.create,
      onSuccess: (policy) => {
        queryClient.setQueryData(keys.detail(policy.id), policy);
        return queryClient.invalidateQueries({ queryKey: keys.lists });
      },
    });
  }

  function useUpdatePolicy(id: number) {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn: (input: Input) => endpoints.update(id, input),
      onSuccess: (policy) => {
        queryClient.setQueryData(keys.detail(id), policy);
        return queryClient.invalidateQueries({ queryKey: keys.lists });
      },
    });
  }

  function useDeletePolicy() {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn: endpoints.remove,
      onSuccess: (_, id) => {
        queryClient.removeQueries({ queryKey: keys.detail(id) });
        return queryClient.invalidateQueries({ queryKey: keys.lists });
      },
    });
  }

  return { keys, usePolicies, usePolicyOptions, usePolicy, useCreatePolicy, useUpdatePolicy, useDeletePolicy };
}
