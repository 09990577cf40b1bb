import { FilterText, FilterTime, SortQuery } from './filter-decorators';
import { ListSpec } from './list-spec';
import { ListQueryDto } from './list-query.dto';

/** The fields `?sort=` takes on a list of named things (repositories, schedules, policies…). */
export const NAMED_SORT_FIELDS = ['name', 'created_at', 'id'] as const;

/** The query of a list of named things, by name unless sorted otherwise: `?q=` on the name and a creation time range. */
export class NamedListQueryDto extends ListQueryDto {
  @FilterText({ description: 'Those whose name contains this text, in any case', example: 'night' })
  q?: string;

  @FilterTime({ description: 'Those created at or after this time', example: '2026-12-01T00:00:00Z' })
  created_after?: Date;

  @FilterTime({ description: 'Those created before this time', example: '2026-12-05T00:00:00Z' })
  created_before?: Date;

  @SortQuery(NAMED_SORT_FIELDS, { default: 'name', example: '-created_at' })
  sort?: string[];
}

/**
 * The filters and orders of a list of named things: each table has a unique index on its name and, from
 * ListFilters1764400000000, one on (created_at, id).
 */
export const NAMED_LIST: ListSpec<NamedListQueryDto> = {
  filters: {
    q: { column: 'name', kind: 'contains' },
    created_after: { column: 'created_at', kind: 'from' },
    created_before: { column: 'created_at', kind: 'before' },
  },
  sort: { name: 'name', created_at: 'created_at', id: 'id' },
  defaultSort: [{ field: 'name', descending: false }],
  tieBreaker: 'id',
};
