import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type ApiKey = Schemas['ApiKeyDto'];
/** A key just made: the listing's fields and the key itself, which the server shows this once. */
export type CreatedApiKey = Schemas['CreatedApiKeyDto'];
export type NewApiKey = Schemas['CreateApiKeyDto'];
export type ApiKeyScope = ApiKey['scope'];

export const API_KEY_PAGE_SIZE = 50;

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: (offset: number) => ['api-keys', 'list', { offset, limit: API_KEY_PAGE_SIZE }] as const,
};

/** One page of the signed-in user's own keys (revoked ones are gone; expired ones stay). */
export function useApiKeys(offset: number) {
  return useQuery({
    queryKey: apiKeyKeys.list(offset),
    queryFn: () => unwrapPage(api.GET('/api/v1/api-keys', { params: { query: { limit: API_KEY_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewApiKey) => unwrap(api.POST('/api/v1/api-keys', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

/** Revokes one of the user's keys: it is refused from its next request on. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
