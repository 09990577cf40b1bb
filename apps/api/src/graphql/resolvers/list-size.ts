import { DomainError } from '../../platform/errors/domain-error';
import { MAX_PAGE_SIZE } from '../../platform/http/page-query.dto';

/** What a list without cursors (repositories, schedules, cloud sync configurations) gives when `first` is left out. */
export const DEFAULT_LIST_SIZE = 50;
/** What complexity counts for a repository's schedules, a list without `first`. */
export const SCHEDULES_PER_REPOSITORY = 10;

/** `first` of a list without cursors: 1 to the REST lists' page size limit. */
export function listSize(first: number): number {
  if (first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.badRequest(`first must be between 1 and ${MAX_PAGE_SIZE}`, { first: [`Between 1 and ${MAX_PAGE_SIZE}`] });
  }
  return first;
}
