// The addresses of the pages that other pages link to.

export const CLOUD_SYNC_PATH = '/cloud-sync';
export const NEW_CLOUD_SYNC_PATH = `${CLOUD_SYNC_PATH}/new`;

export function cloudSyncEditPath(id: number): string {
  return `${CLOUD_SYNC_PATH}/${id}/edit`;
}

export const HOSTS_PATH = '/hosts';
export const NEW_HOST_PATH = `${HOSTS_PATH}/new`;

/** A host's page: its form, for an admin. */
export function hostPath(id: number): string {
  return `${HOSTS_PATH}/${id}`;
}

export const SCHEDULES_PATH = '/schedules';
export const NEW_SCHEDULE_PATH = `${SCHEDULES_PATH}/new`;

export function schedulePath(id: number): string {
  return `${SCHEDULES_PATH}/${id}`;
}

export function scheduleEditPath(id: number): string {
  return `${SCHEDULES_PATH}/${id}/edit`;
}

export const PRUNING_POLICIES_PATH = '/schedules/pruning-policies';

export function pruningPolicyPath(id: number, page: 'edit' | 'preview'): string {
  return `${PRUNING_POLICIES_PATH}/${id}/${page}`;
}

export const CHECK_POLICIES_PATH = '/schedules/check-policies';

export function checkPolicyEditPath(id: number): string {
  return `${CHECK_POLICIES_PATH}/${id}/edit`;
}

export const NOTIFICATIONS_PATH = '/notifications';
export const NEW_CHANNEL_PATH = `${NOTIFICATIONS_PATH}/new`;
export const DELIVERIES_PATH = `${NOTIFICATIONS_PATH}/deliveries`;

export function channelEditPath(id: number): string {
  return `${NOTIFICATIONS_PATH}/${id}/edit`;
}

/** The delivery log of one channel. */
export function channelDeliveriesPath(id: number): string {
  return `${DELIVERIES_PATH}?channel_id=${id}`;
}

export const SETTINGS_PATH = '/settings';
export const AUDIT_PATH = '/audit';
