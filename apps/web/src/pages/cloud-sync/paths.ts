export const CLOUD_SYNC_PATH = '/cloud-sync';
export const NEW_CLOUD_SYNC_PATH = `${CLOUD_SYNC_PATH}/new`;

export function cloudSyncEditPath(id: number): string {
  return `${CLOUD_SYNC_PATH}/${id}/edit`;
}
