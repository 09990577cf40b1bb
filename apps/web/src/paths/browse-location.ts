import { bytesToEscapedString, encodeEscapedPathForUrl, queryParameterBytes } from '@borgitory/api-client/byte-path';
import type { BrowseParams, BrowseSort, SortOrder } from '../api/archive-keys';
import { encodePathSegment } from '../api/archive-urls';
import { normaliseArchivePath } from '../format/archive-path';

/**
 * Where the archive browser is, kept in the address:
 * `/repositories/:id/archives/:archive?path=…&sort=…&order=…&offset=…`.
 * The path is bytes; it is written percent-encoded byte by byte and read back
 * the same way, since URLSearchParams would turn bytes that are not UTF-8 into U+FFFD.
 */

const SORTS: readonly BrowseSort[] = ['name', 'size', 'mtime'];

export const DEFAULT_BROWSE: BrowseParams = { path: '/', sort: 'name', order: 'asc', offset: 0 };

/** The browse parameters of a location's search string; what is missing or unknown is the default. */
export function parseBrowseSearch(search: string): BrowseParams {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  const order = params.get('order');
  const offset = Number(params.get('offset'));
  return {
    path: normaliseArchivePath(rawParam(search, 'path') ?? '/'),
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as BrowseSort) : 'name',
    order: order === 'desc' ? 'desc' : 'asc',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The search string for browse parameters; defaults are left out. */
export function browseSearch(params: Partial<BrowseParams>): string {
  const parts: string[] = [];
  if (params.path && params.path !== '/') parts.push(`path=${encodeEscapedPathForUrl(params.path)}`);
  if (params.sort && params.sort !== 'name') parts.push(`sort=${params.sort}`);
  if (params.order && params.order !== 'asc') parts.push(`order=${params.order}`);
  if (params.offset) parts.push(`offset=${params.offset}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The address of the archive browser at a directory. */
export function browseHref(repositoryId: number, archive: string, params: Partial<BrowseParams> = {}): string {
  return `${archiveHref(repositoryId, archive)}${browseSearch(params)}`;
}

export function archiveHref(repositoryId: number, archive: string): string {
  return `/repositories/${repositoryId}/archives/${encodePathSegment(archive)}`;
}

/** The sort a column starts with: names A–Z, sizes and dates largest/newest first. */
export function defaultOrder(sort: BrowseSort): SortOrder {
  return sort === 'name' ? 'asc' : 'desc';
}

/** The bytes of a query parameter, percent-decoded ("+" is a space), as a surrogate-escaped string; null when absent. */
export function rawParam(search: string, name: string): string | null {
  const bytes = queryParameterBytes(search, name);
  return bytes && bytesToEscapedString(bytes);
}
