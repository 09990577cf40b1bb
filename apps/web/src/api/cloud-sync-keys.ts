/**
 * The query keys of cloud sync configurations. Kept apart from the hooks so
 * that the job hooks can refresh a configuration's last sync without importing them.
 */
export const CLOUD_SYNC_PAGE_SIZE = 50;
/** The most configurations a select offers (the API's page limit). */
export const CLOUD_SYNC_OPTIONS_LIMIT = 200;

export const cloudSyncKeys = {
  providers: ['cloud-providers'] as const,
  all: ['cloud-sync-configs'] as const,
  lists: ['cloud-sync-configs', 'list'] as const,
  list: (offset: number) => ['cloud-sync-configs', 'list', { offset, limit: CLOUD_SYNC_PAGE_SIZE }] as const,
  options: ['cloud-sync-configs', 'list', { offset: 0, limit: CLOUD_SYNC_OPTIONS_LIMIT }] as const,
  detail: (id: number) => ['cloud-sync-configs', 'detail', id] as const,
};
