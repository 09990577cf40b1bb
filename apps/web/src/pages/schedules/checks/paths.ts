export const CHECK_POLICIES_PATH = '/schedules/check-policies';

export function checkPolicyEditPath(id: number): string {
  return `${CHECK_POLICIES_PATH}/${id}/edit`;
}
