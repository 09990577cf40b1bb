import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into lines. Copes with chunks that end mid-line and mid-character (UTF-8);
 * strips "\r\n" to the line. A line longer than maxLineLength is cut there (the rest starts a new line)
 * so a runaway writer cannot make us buffer without bound.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly maxLineLength = 1024 * 1024) {}

  /** Feeds a chunk; returns the lines it completed. */
  push(chunk: Buffer | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const lines: string[] = [];
    let start = 0;
    for (let nl = this.pending.indexOf('\n'); nl !== -1; nl = this.pending.indexOf('\n', start)) {
      lines.push(...this.cut(stripCr(this.pending.slice(start, nl))));
      start = nl + 1;
    }
    this.pending = this.pending.slice(start);
    while (this.pending.length > this.maxLineLength) {
      lines.push(this.pending.slice(0, this.maxLineLength));
      this.pending = this.pending.slice(this.maxLineLength);
    }
    return lines;
  }

  /** Flushes the last, unterminated line (if any). */
  end(): string[] {
    const rest = stripCr(this.pending + this.decoder.end());
    this.pending = '';
    return rest === '' ? [] : this.cut(rest);
  }

  private cut(line: string): string[] {
    if (line.length <= this.maxLineLength) return [line];
    const parts: string[] = [];
    for (let i = 0; i < line.length; i += this.maxLineLength) parts.push(line.slice(i, i + this.maxLineLength));
    return parts;
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
