import { ListSpec } from '../platform/filtering/list-spec';
import { ArchiveListQueryDto } from './dto/archive-queries.dto';

/** What an archive list filters and sorts by: the query's fields without its page and refresh. */
export type ArchiveFilter = Pick<
  ArchiveListQueryDto,
  'order' | 'created_after' | 'created_before' | 'min_size' | 'max_size' | 'q' | 'glob' | 'sort'
>;

/**
 * An archive list's filters and orders, always within one repository: the indexes (repository_id, started_at, id),
 * (repository_id, name) and, from ListFilters1764400000000, (repository_id, original_size, id). `q` and `glob` read
 * the names from the name index without the rows (a glob with a literal prefix seeks to it).
 */
export const ARCHIVE_LIST: ListSpec<ArchiveFilter> = {
  filters: {
    created_after: { column: 'started_at', kind: 'from' },
    created_before: { column: 'started_at', kind: 'before' },
    min_size: { column: 'original_size', kind: 'min' },
    max_size: { column: 'original_size', kind: 'max' },
    q: { column: 'name', kind: 'contains' },
    glob: { column: 'name', kind: 'glob' },
  },
  sort: { created_at: 'started_at', name: 'name', original_size: 'original_size' },
  defaultSort: [{ field: 'created_at', descending: true }],
  tieBreaker: 'id',
};
