import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { JobLogLineDto } from '../dto/job-log.dto';
import { JobLogLevel } from '../engine/job-executor';
import { formatBytes } from '@borgitory/byte-sizes';
import { clipMessage, formatLogLine } from './job-log-line';

export interface JobLogWriterOptions {
  path: string;
  maxBytes: number;
  /** Already truncated (a job that is being finished off after a restart). */
  truncated: boolean;
  onLine?: (line: JobLogLineDto, nextOffset: number) => void;
  onTruncated?: () => void;
}

/**
 * Appends lines to one job's log file. Writes are synchronous on purpose:
 * a line is on disk before its event is published, so a client that reads
 * the file and then follows events by byte offset can miss nothing.
 */
export class JobLogWriter {
  private fd: number | null = null;
  private size = 0;
  private truncated: boolean;

  constructor(private readonly options: JobLogWriterOptions) {
    this.truncated = options.truncated;
  }

  get isTruncated(): boolean {
    return this.truncated;
  }

  write(level: JobLogLevel, message: string, time = new Date()): void {
    if (this.truncated) return;
    for (const text of message.split(/\r?\n|\r/).map(clipMessage)) {
      const line = formatLogLine(time, level, text);
      const bytes = Buffer.byteLength(line);
      this.open();
      if (this.size + bytes > this.options.maxBytes) {
        this.truncate(time);
        return;
      }
      this.append(line, bytes, { time, level, message: text });
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private truncate(time: Date): void {
    const note = `… log truncated at ${formatBytes(this.options.maxBytes)}`;
    const line = formatLogLine(time, 'warning', note);
    this.append(line, Buffer.byteLength(line), { time, level: 'warning', message: note });
    this.truncated = true;
    this.options.onTruncated?.();
  }

  private append(line: string, bytes: number, parts: { time: Date; level: JobLogLevel; message: string }): void {
    writeSync(this.fd as number, line);
    const offset = this.size;
    this.size += bytes;
    this.options.onLine?.({ offset, time: parts.time.toISOString(), level: parts.level, message: parts.message }, this.size);
  }

  private open(): void {
    if (this.fd !== null) return;
    this.fd = openSync(this.options.path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }
}
