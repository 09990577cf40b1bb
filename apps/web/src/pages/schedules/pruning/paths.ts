export const PRUNING_POLICIES_PATH = '/schedules/pruning-policies';

export function pruningPolicyPath(id: number, page: 'edit' | 'preview'): string {
  return `${PRUNING_POLICIES_PATH}/${id}/${page}`;
}
