import { bytesToEscapedString, escapedStringToBytes, queryParameterBytes } from '@borgitory/api-client/byte-path';
import { DomainError } from '../platform/errors/domain-error';

/**
 * A path inside an archive as its components (raw bytes), without a leading slash. Clients send it as a query
 * parameter with the bytes percent-encoded, so a name that is not UTF-8 survives the trip; express's own query
 * parser would mangle such bytes, which is why the raw query string is read here.
 */
export class ArchivePath {
  private constructor(readonly components: Buffer[]) {}

  static readonly root = new ArchivePath([]);

  /** From percent-decoded bytes: '/a/b', 'a/b/' and 'a//b' are the same path; '.' and '..' are refused. */
  static fromBytes(bytes: Buffer, parameter = 'path'): ArchivePath {
    if (bytes.includes(0)) throw DomainError.badRequest(`${parameter} must not contain a NUL byte`);
    const components: Buffer[] = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x2f) continue;
      const component = bytes.subarray(start, i);
      start = i + 1;
      if (component.length === 0) continue;
      if (component.equals(DOT) || component.equals(DOT_DOT)) {
        throw DomainError.badRequest(`${parameter} must not contain "." or ".." components: paths are relative to the archive root`);
      }
      components.push(Buffer.from(component));
    }
    return new ArchivePath(components);
  }

  /** From a JSON string in the surrogate-escaped form the API writes. */
  static fromEscaped(text: string, parameter = 'path'): ArchivePath {
    let bytes: Buffer;
    try {
      bytes = Buffer.from(escapedStringToBytes(text));
    } catch {
      throw DomainError.badRequest(`${parameter} holds a lone surrogate that stands for no byte`);
    }
    return ArchivePath.fromBytes(bytes, parameter);
  }

  get isRoot(): boolean {
    return this.components.length === 0;
  }

  get name(): Buffer {
    return this.components[this.components.length - 1] ?? Buffer.alloc(0);
  }

  /** As borg stores it ("home/user/file"), surrogate-escaped. */
  toEscaped(): string {
    return this.components.map((component) => bytesToEscapedString(component)).join('/');
  }

  /** As shown to clients: with a leading slash. */
  toDisplay(): string {
    return `/${this.toEscaped()}`;
  }
}

const DOT = Buffer.from('.');
const DOT_DOT = Buffer.from('..');

/** The percent-decoded bytes of a query parameter of a request URL ('+' is a space), or null when it is absent. */
export function rawQueryParameter(url: string, name: string): Buffer | null {
  const at = url.indexOf('?');
  const bytes = at === -1 ? null : queryParameterBytes(url.slice(at + 1).split('#')[0], name);
  return bytes && Buffer.from(bytes);
}

/** Bytes of a surrogate-escaped name; the common all-UTF-8 case takes the fast path. */
export function pathBytes(escaped: string): Buffer {
  return /[\ud800-\udfff]/.test(escaped) ? Buffer.from(escapedStringToBytes(escaped)) : Buffer.from(escaped, 'utf8');
}
