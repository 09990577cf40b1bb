import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keepJob } from './jobs';
import { policyQueries } from './policy-queries';

/** A check policy: what borg check looks at (repository, archives or both) and how far. */
export type CheckPolicy = Schemas['CheckPolicyDto'];
/** What the form sends on create and update (every field: PUT changes the fields a body gives). */
export type CheckPolicyInput = Schemas['CheckPolicyInputDto'];
export type CheckScope = Schemas['CheckScope'];
export type CheckRequest = Schemas['CheckRequestDto'];

const checkPolicies = policyQueries<CheckPolicy, CheckPolicyInput>({
  resource: 'check-policies',
  list: (query) => unwrapPage(api.GET('/api/v1/check-policies', { params: { query } })),
  get: (id) => unwrap(api.GET('/api/v1/check-policies/{id}', { params: { path: { id } } })),
  create: (body) => unwrap(api.POST('/api/v1/check-policies', { body })),
  update: (id, body) => unwrap(api.PUT('/api/v1/check-policies/{id}', { params: { path: { id } }, body })),
  remove: (id) => unwrap(api.DELETE('/api/v1/check-policies/{id}', { params: { path: { id } } })),
});

export const {
  usePolicies: useCheckPolicies,
  usePolicyOptions: useCheckPolicyOptions,
  usePolicy: useCheckPolicy,
  useCreatePolicy: useCreateCheckPolicy,
  useUpdatePolicy: useUpdateCheckPolicy,
  useDeletePolicy: useDeleteCheckPolicy,
} = checkPolicies;

/** Queues a check job; without a policy borg checks the repository and every archive. */
export function useStartCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ repositoryId, ...body }: CheckRequest & { repositoryId: number }) =>
      unwrap(api.POST('/api/v1/repositories/{id}/check', { params: { path: { id: repositoryId } }, body })),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}
