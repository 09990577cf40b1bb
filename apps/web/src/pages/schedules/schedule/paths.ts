export const SCHEDULES_PATH = '/schedules';
export const NEW_SCHEDULE_PATH = `${SCHEDULES_PATH}/new`;

export function schedulePath(id: number): string {
  return `${SCHEDULES_PATH}/${id}`;
}

export function scheduleEditPath(id: number): string {
  return `${SCHEDULES_PATH}/${id}/edit`;
}
