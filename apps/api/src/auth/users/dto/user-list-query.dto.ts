import { FilterSet, FilterText, FilterTime, SortQuery } from '../../../platform/filtering/filter-decorators';
import { ListSpec } from '../../../platform/filtering/list-spec';
import { ListQueryDto } from '../../../platform/filtering/list-query.dto';
import { Role, ROLES } from '../../roles/roles';

/** The fields `?sort=` takes on the user list. */
export const USER_SORT_FIELDS = ['username', 'created_at', 'id'] as const;

export class UserListQueryDto extends ListQueryDto {
  @FilterText({ description: 'Users whose username contains this text, in any case', example: 'ver' })
  q?: string;

  @FilterSet(ROLES, { description: 'Users of these roles', example: 'operator,admin' })
  role?: Role[];

  @FilterTime({ description: 'Users created at or after this time', example: '2026-12-01T00:00:00Z' })
  created_after?: Date;

  @FilterTime({ description: 'Users created before this time', example: '2026-12-05T00:00:00Z' })
  created_before?: Date;

  @SortQuery(USER_SORT_FIELDS, { default: 'id', example: 'username' })
  sort?: string[];
}

/** The user list's filters: the unique username index, and (role, id) and (created_at, id) from ListFilters1764400000000. */
export const USER_LIST: ListSpec<UserListQueryDto> = {
  filters: {
    q: { column: 'username', kind: 'contains' },
    role: { column: 'role', kind: 'in' },
    created_after: { column: 'created_at', kind: 'from' },
    created_before: { column: 'created_at', kind: 'before' },
  },
  sort: { username: 'username', created_at: 'created_at', id: 'id' },
  defaultSort: [{ field: 'id', descending: false }],
  tieBreaker: 'id',
};
