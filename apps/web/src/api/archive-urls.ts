import { encodeEscapedPathForUrl } from '@borgitory/api-client/byte-path';

/**
 * URLs of the archive endpoints. Archive paths are bytes: a name that is not
 * UTF-8 holds lone surrogates, which encodeURIComponent refuses (it throws), so
 * every path goes into a URL as its percent-encoded bytes instead.
 */

/** One path segment (an archive name): its bytes percent-encoded, "/" included. */
export function encodePathSegment(text: string): string {
  return encodeEscapedPathForUrl(text).replace(/\//g, '%2F');
}

/** The query string of an archive request: `path` as bytes, the rest as text; empty values are left out. */
export function archiveQuery(query: Record<string, unknown>): string {
  return Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => {
      const text = String(value);
      return `${name}=${name === 'path' ? encodeEscapedPathForUrl(text) : encodePathSegment(text)}`;
    })
    .join('&');
}

/** Fills the `{name}` parameters of an operation's path, each as one segment of bytes. */
export function archivePathSerializer(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? match : encodePathSegment(String(value));
  });
}

/** The serializers for every request that names an archive or a path in one. */
export const archiveSerializers = { querySerializer: archiveQuery, pathSerializer: archivePathSerializer };

/**
 * A file as it is, or a directory as a tar: a plain link, so that the browser
 * streams it to disk with the session cookie (same origin) and nothing is held in memory.
 */
export function archiveDownloadUrl(repositoryId: number, archive: string, path: string): string {
  return `/api/v1/repositories/${repositoryId}/archives/${encodePathSegment(archive)}/download?${archiveQuery({ path })}`;
}
