/**
 * Paths inside an archive, as the API writes them: a leading slash, and each
 * byte that is not valid UTF-8 as a lone surrogate U+DC80+byte. Splitting on
 * "/" is safe, since that byte is never part of a longer sequence and never escaped.
 */

/** The lone surrogates that stand for undecodable bytes, not those of a valid pair. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** For people: each undecodable byte shown as U+FFFD (�), as a browser shows it. */
export function displayPath(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** "/a/b/" → ["a", "b"]; the root has none. */
export function pathComponents(path: string): string[] {
  return path.split('/').filter((component) => component !== '');
}

/** ["a", "b"] → "/a/b"; none → "/". */
export function joinPath(components: readonly string[]): string {
  return `/${components.join('/')}`;
}

/** "a//b/" → "/a/b", as the server reads it. */
export function normaliseArchivePath(path: string): string {
  return joinPath(pathComponents(path));
}

/** The directory that holds the entry; the root for a top-level entry. */
export function parentPath(path: string): string {
  return joinPath(pathComponents(path).slice(0, -1));
}
