import { FilterIdSet } from '../../platform/filtering/filter-decorators';
import { ListSpec } from '../../platform/filtering/list-spec';
import { NAMED_LIST, NamedListQueryDto } from '../../platform/filtering/named-list';

export class ScheduleListQueryDto extends NamedListQueryDto {
  @FilterIdSet({ description: "These repositories' schedules", example: '1,2' })
  repository_id?: number[];
}

/** A named list, and the repository (idx_schedules_repository_id). */
export const SCHEDULE_LIST: ListSpec<ScheduleListQueryDto> = {
  ...NAMED_LIST,
  filters: { ...NAMED_LIST.filters, repository_id: { column: 'repository_id', kind: 'in' } },
};
