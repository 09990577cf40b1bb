/** sun_path holds 108 bytes with its terminating NUL. */
const MAX_SOCKET_PATH_BYTES = 107;

/**
 * Throws unless `path` can be one side of `-R remote:local`: absolute, and free of what ssh's forward parser reads
 * specially (":" separates the sides, brackets quote addresses), blanks and control characters.
 */
export function assertSocketPath(path: string, name: string): void {
  if (!path.startsWith('/')) throw new TypeError(`${name} must be an absolute path`);
  if (/[:[\]\s]/.test(path) || [...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new TypeError(`${name} cannot contain ":", brackets, blanks or control characters`);
  }
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) throw new TypeError(`${name} is too long for a UNIX socket`);
}
