import { BorgOutputError } from './parsers';
import { UnicodeEscapeDecoder } from './unicode-escape';
import type { BorgArchiveEntry } from './types';

/**
 * `borg list --format` for archive entries: fields separated by NUL (a path may hold any other byte) with the
 * verbatim path (bpath) last. Run with PYTHONIOENCODING=unicode_escape, so NUL arrives as the escape "\x00".
 */
export const ENTRY_FORMAT = '{type}{NUL}{mode}{NUL}{size}{NUL}{isomtime}{NUL}{health}{NUL}{linktarget}{NUL}{bpath}{NUL}';
const FIELDS_PER_ENTRY = 7;

/** Turns the escaped --format output into entries, chunk by chunk. */
export class ArchiveEntryReader {
  private readonly decoder = new UnicodeEscapeDecoder();
  private pendingText = '';
  private fields: string[] = [];

  push(chunk: Buffer): BorgArchiveEntry[] {
    const text = this.pendingText + this.decoder.push(chunk);
    const entries: BorgArchiveEntry[] = [];
    let start = 0;
    for (let nul = text.indexOf('\0'); nul !== -1; nul = text.indexOf('\0', start)) {
      this.fields.push(text.slice(start, nul));
      start = nul + 1;
      if (this.fields.length === FIELDS_PER_ENTRY) {
        entries.push(toEntry(this.fields));
        this.fields = [];
      }
    }
    this.pendingText = text.slice(start);
    return entries;
  }

  end(): void {
    this.decoder.end();
    if (this.pendingText !== '' || this.fields.length > 0) {
      throw new BorgOutputError(`printed an incomplete entry: ${[...this.fields, this.pendingText].join(' | ').slice(0, 200)}`);
    }
  }
}

function toEntry([type, mode, size, mtime, health, linkTarget, path]: string[]): BorgArchiveEntry {
  const bytes = Number(size);
  if (!type || !Number.isFinite(bytes) || !path) {
    throw new BorgOutputError(`printed an entry that does not parse: ${[type, mode, size, mtime, path].join(' | ').slice(0, 200)}`);
  }
  return { type, mode, size: bytes, mtime, healthy: health !== 'broken', linkTarget, path };
}
