import { createReadStream, mkdirSync } from 'node:fs';
import { FileHandle, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { JobLogLineDto } from '../dto/job-log.dto';
import { parseLogLine } from './job-log-line';
import { JobLogWriter, JobLogWriterOptions } from './job-log-writer';
import { JobSettings } from '../engine/job-settings';

export interface JobLogChunk {
  lines: JobLogLineDto[];
  /** The byte after the last line returned. */
  nextOffset: number;
  /** The file's size when it was read. */
  size: number;
}

const READ_CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/** `<data dir>/jobs/<id>.log`: written by the runner, read by byte offset, so reading page N is a seek. */
@Injectable()
export class JobLogs {
  private readonly dir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly settings: JobSettings,
  ) {
    this.dir = join(config.dataDir, 'jobs');
  }

  writer(jobId: number, options: Omit<JobLogWriterOptions, 'path' | 'maxBytes'>): JobLogWriter {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return new JobLogWriter({ ...options, path: this.pathOf(jobId), maxBytes: this.settings.logMaxBytes });
  }

  /** Up to `limit` whole lines from `offset`, which must be 0 or the start of a line. */
  async read(jobId: number, offset: number, limit: number): Promise<JobLogChunk> {
    const handle = await this.openIfExists(jobId);
    if (!handle) {
      if (offset > 0) throw offsetPastEnd(offset, 0);
      return { lines: [], nextOffset: 0, size: 0 };
    }
    try {
      const { size } = await handle.stat();
      if (offset > size) throw offsetPastEnd(offset, size);
      if (offset > 0 && !(await startsLine(handle, offset))) {
        throw DomainError.badRequest('offset must be the start of a line: 0, a next_offset or an SSE event id');
      }
      return { ...(await readLines(handle, offset, size, limit)), size };
    } finally {
      await handle.close();
    }
  }

  /** The whole log as it is now; null when the job has written nothing. */
  async stream(jobId: number): Promise<Readable | null> {
    const path = this.pathOf(jobId);
    const size = await stat(path).then(
      (stats) => stats.size,
      () => 0,
    );
    return size > 0 ? createReadStream(path, { start: 0, end: size - 1 }) : null;
  }

  /** Deletes the logs of jobs that are gone; a job without a log is fine. */
  async remove(jobIds: number[]): Promise<void> {
    await Promise.all(jobIds.map((jobId) => rm(this.pathOf(jobId), { force: true })));
  }

  private pathOf(jobId: number): string {
    return join(this.dir, `${jobId}.log`);
  }

  private async openIfExists(jobId: number): Promise<FileHandle | null> {
    try {
      return await open(this.pathOf(jobId), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

function offsetPastEnd(offset: number, size: number): DomainError {
  return DomainError.badRequest(`offset ${offset} is past the end of the log (${size} bytes)`);
}

async function startsLine(handle: FileHandle, offset: number): Promise<boolean> {
  const previous = Buffer.alloc(1);
  await handle.read(previous, 0, 1, offset - 1);
  return previous[0] === NEWLINE;
}

async function readLines(handle: FileHandle, offset: number, end: number, limit: number): Promise<Omit<JobLogChunk, 'size'>> {
  const lines: JobLogLineDto[] = [];
  const chunk = Buffer.alloc(READ_CHUNK_BYTES);
  let position = offset;
  let lineStart = offset;
  let carry = Buffer.alloc(0);
  while (lines.length < limit && position < end) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, end - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    let start = 0;
    let newline = data.indexOf(NEWLINE, start);
    while (lines.length < limit && newline !== -1) {
      lines.push(parseLogLine(data.toString('utf8', start, newline), lineStart));
      lineStart += newline + 1 - start;
      start = newline + 1;
      newline = data.indexOf(NEWLINE, start);
    }
    carry = Buffer.from(data.subarray(start));
  }
  return { lines, nextOffset: lineStart };
}
