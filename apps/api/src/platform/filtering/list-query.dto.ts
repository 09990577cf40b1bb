import { PageQueryDto } from '../http/page-query.dto';

/**
 * The query of a list that filters and sorts (`?status=failed,warning&sort=-created_at`). A filter or sort the list
 * does not know, or a value it refuses, is 422 naming the field (ApiValidationPipe); a malformed page (`limit`,
 * `offset`) stays 400 like on every list.
 */
export class ListQueryDto extends PageQueryDto {}

const PAGE_FIELDS: ReadonlySet<string> = new Set(['limit', 'offset']);

/** Whether the refusal of this query is a 422: a filtered list's, with no malformed page among its fields. */
export function refusesAsFilter(metatype: unknown, fields: readonly string[]): boolean {
  return typeof metatype === 'function' && metatype.prototype instanceof ListQueryDto && !fields.some((field) => PAGE_FIELDS.has(field));
}
