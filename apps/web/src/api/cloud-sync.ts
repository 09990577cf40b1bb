import { unwrap, unwrapPage, type Schemas } from '@borgitory/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { CLOUD_SYNC_OPTIONS_LIMIT, CLOUD_SYNC_PAGE_SIZE, cloudSyncKeys } from './cloud-sync-keys';
import { keepJob } from './jobs';

/** A storage provider and the fields of its form (the form is drawn from them). */
export type CloudProvider = Schemas['CloudProviderDto'];
export type ProviderName = Schemas['CloudProviderName'];
export type ProviderField = Schemas['ProviderFieldDto'];
export type ProviderPreset = Schemas['ProviderPresetDto'];
/** A configuration as the API sends it: secrets only by name (`secrets_set`), never their values. */
export type CloudSyncConfig = Schemas['CloudSyncConfigDto'];
/** What the form sends; on PUT a secret left out keeps its stored value and "" removes it. */
export type CloudSyncConfigInput = Schemas['CloudSyncConfigInputDto'];
export type CloudSyncMode = Schemas['CloudSyncMode'];
/** The answer of a connection test: ok=false carries rclone's reason in `error`. */
export type ConnectionTest = Schemas['ConnectionTestDto'];
export type VerifyResult = Schemas['CloudVerifyResultDto'];

/** The providers, with their fields and presets; they change only with the server. */
export function useCloudProviders() {
  return useQuery({
    queryKey: cloudSyncKeys.providers,
    queryFn: () => unwrap(api.GET('/api/v1/cloud-sync/providers')),
    staleTime: Infinity,
  });
}

/** One page of configurations, by name; the previous page stays on screen while the next one loads. */
export function useCloudSyncConfigs(offset: number) {
  return useQuery({
    queryKey: cloudSyncKeys.list(offset),
    queryFn: () => unwrapPage(api.GET('/api/v1/cloud-sync/configs', { params: { query: { limit: CLOUD_SYNC_PAGE_SIZE, offset } } })),
    placeholderData: keepPreviousData,
  });
}

/** The configurations to choose from in a schedule's select, by name. */
export function useCloudSyncConfigOptions() {
  return useQuery({
    queryKey: cloudSyncKeys.options,
    queryFn: () => unwrapPage(api.GET('/api/v1/cloud-sync/configs', { params: { query: { limit: CLOUD_SYNC_OPTIONS_LIMIT, offset: 0 } } })),
  });
}

export function useCloudSyncConfig(id: number) {
  return useQuery({
    queryKey: cloudSyncKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/cloud-sync/configs/{id}', { params: { path: { id } } })),
  });
}

/** A configuration as the server saved it: kept as it is, and the lists asked again. */
function refreshConfig(queryClient: QueryClient, config: CloudSyncConfig): Promise<unknown> {
  queryClient.setQueryData(cloudSyncKeys.detail(config.id), config);
  return queryClient.invalidateQueries({ queryKey: cloudSyncKeys.lists });
}

export function useCreateCloudSyncConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CloudSyncConfigInput) => unwrap(api.POST('/api/v1/cloud-sync/configs', { body: input })),
    onSuccess: (config) => refreshConfig(queryClient, config),
  });
}

export function useUpdateCloudSyncConfig(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CloudSyncConfigInput) =>
      unwrap(api.PUT('/api/v1/cloud-sync/configs/{id}', { params: { path: { id } }, body: input })),
    onSuccess: (config) => refreshConfig(queryClient, config),
  });
}

/** Deletes the configuration (refused while a schedule uses it); nothing on the remote is deleted. */
export function useDeleteCloudSyncConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/v1/cloud-sync/configs/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: cloudSyncKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: cloudSyncKeys.lists });
    },
  });
}

/**
 * Writes, reads back, deletes and lists a small file there. A first SFTP
 * connection stores the host key, so the configuration is read again.
 */
export function useTestCloudSyncConfig(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/cloud-sync/configs/{id}/test', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cloudSyncKeys.all }),
  });
}

/** Compares a repository with its copy there (rclone check); it answers when done, which can take a while. */
export function useVerifyCloudSync(id: number) {
  return useMutation({
    mutationFn: (repositoryId: number) =>
      unwrap(
        api.POST('/api/v1/cloud-sync/configs/{id}/verify', {
          params: { path: { id } },
          body: { repository_id: repositoryId },
        }),
      ),
  });
}

/** Queues a cloud sync job of a repository; the answer is the job, to be followed on its page. */
export function useStartCloudSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ configId, repositoryId }: { configId: number; repositoryId: number }) =>
      unwrap(
        api.POST('/api/v1/cloud-sync/configs/{id}/sync', { params: { path: { id: configId } }, body: { repository_id: repositoryId } }),
      ),
    onSuccess: (job) => keepJob(queryClient, job),
  });
}
