import { registerEnumType } from '@nestjs/graphql';
import { JOB_STATUSES, JOB_TYPES } from '@borgitory/job-states';

/** GraphQL enums over the same names the REST API uses (`failed`, `cloud_sync`, …). */
function namesOf<T extends string>(names: readonly T[]): Record<T, T> {
  return Object.fromEntries(names.map((name) => [name, name])) as Record<T, T>;
}

export const JobStatusEnum = namesOf(JOB_STATUSES);
export const JobTypeEnum = namesOf(JOB_TYPES);
export const SortOrderEnum = namesOf(['asc', 'desc'] as const);

registerEnumType(JobStatusEnum, { name: 'JobStatus' });
registerEnumType(JobTypeEnum, { name: 'JobType' });
registerEnumType(SortOrderEnum, { name: 'SortOrder', description: 'asc: oldest first; desc: newest first' });
