const BACKSLASH = 0x5c;
const SIMPLE_ESCAPES: Record<number, string> = {
  0x5c: '\\',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
  0x27: "'",
  0x22: '"',
};
const HEX_DIGITS: Record<number, number> = { 0x78: 2, 0x75: 4, 0x55: 8 }; // \xHH \uHHHH \UHHHHHHHH

/**
 * Decodes Python's `unicode_escape` text encoding as it streams in. borg runs with PYTHONIOENCODING=unicode_escape
 * where its output must stay lossless: every character that is not printable ASCII arrives as an escape, so a
 * file name's undecodable bytes come through as the lone surrogates U+DC80–U+DCFF (Python's surrogateescape)
 * instead of borg's '?' replacement. The result is a JavaScript string that may hold such lone surrogates.
 */
export class UnicodeEscapeDecoder {
  private carry: Buffer | null = null;

  push(chunk: Buffer): string {
    const buffer = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let out = '';
    let runStart = 0;
    let i = buffer.indexOf(BACKSLASH);
    while (i !== -1) {
      if (i > runStart) out += buffer.toString('latin1', runStart, i);
      const escape = readEscape(buffer, i);
      if (escape === null) {
        this.carry = Buffer.from(buffer.subarray(i));
        return out;
      }
      out += escape.text;
      runStart = i + escape.length;
      i = buffer.indexOf(BACKSLASH, runStart);
    }
    if (runStart < buffer.length) out += buffer.toString('latin1', runStart, buffer.length);
    return out;
  }

  /** Throws when the stream stopped inside an escape. */
  end(): void {
    if (this.carry) throw new Error(`printed output that ends inside an escape sequence: ${this.carry.toString('latin1')}`);
  }
}

/** The escape at `at` (a backslash), or null when the buffer ends before it does. */
function readEscape(buffer: Buffer, at: number): { text: string; length: number } | null {
  if (at + 1 >= buffer.length) return null;
  const kind = buffer[at + 1];
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { text: simple, length: 2 };
  const digits = HEX_DIGITS[kind];
  if (digits === undefined) throw new Error(`printed an unknown escape \\${String.fromCharCode(kind)}`);
  if (at + 2 + digits > buffer.length) return null;
  const codePoint = Number.parseInt(buffer.toString('latin1', at + 2, at + 2 + digits), 16);
  if (!Number.isInteger(codePoint) || codePoint > 0x10ffff) {
    throw new Error(`printed a bad escape ${buffer.toString('latin1', at, at + 2 + digits)}`);
  }
  // fromCharCode keeps a lone surrogate as it is; fromCodePoint splits astral characters into a pair.
  return { text: codePoint <= 0xffff ? String.fromCharCode(codePoint) : String.fromCodePoint(codePoint), length: 2 + digits };
}
