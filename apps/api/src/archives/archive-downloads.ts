import { Injectable, Logger } from '@nestjs/common';
import { BorgRunner, BorgStreamResult } from '@borgitory/borg-runner';
import type { Response } from 'express';
import { lookup } from 'mime-types';
import { bytesToEscapedString } from '@borgitory/api-client/byte-path';
import { DomainError } from '../platform/errors/domain-error';
import { ErrorCode } from '../platform/errors/error-code';
import { RepositoryBorg } from '../repositories/borg/repository-borg';
import { ArchiveCatalog } from './archive-catalog';
import { entryType, toIndexStatusDto } from './archive-dto.mapper';
import { ArchivePath } from './archive-path';
import { contentDisposition } from './content-disposition';
import { streamToResponse } from './stream-to-response';
import { IndexRow } from './index/archive-index-reader';
import { ArchiveIndexes } from './index/archive-indexes';

const RETRY_AFTER_SECONDS = 5;

interface Download {
  headers: Record<string, string>;
  /** Bytes the client gets, when known in advance (a file). */
  length: number | null;
  open: (borg: BorgRunner, connection: Parameters<BorgRunner['extractToStream']>[0]) => BorgStreamResult;
}

/**
 * Streams a file (`borg extract --stdout`) or a directory as a tar (`borg export-tar`) straight from borg to the
 * client: nothing is written to disk, and a client that goes away stops borg. borg reads without the repository
 * lock, so a download neither waits for a running backup nor makes one wait.
 */
@Injectable()
export class ArchiveDownloads {
  private readonly logger = new Logger('ArchiveDownloads');

  constructor(
    private readonly catalog: ArchiveCatalog,
    private readonly indexes: ArchiveIndexes,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly borg: BorgRunner,
  ) {}

  /**
   * Streams to `res`. While the archive's first index is still being built the answer is 503 with Retry-After and
   * the build's progress: a browser saving a download link must not take a JSON progress report for the file.
   */
  async download(repositoryId: number, name: string, path: ArchivePath, res: Response): Promise<void> {
    const archive = await this.catalog.find(repositoryId, name);
    const state = await this.indexes.ensure(archive);
    if (state.state !== 'ready') {
      const index = toIndexStatusDto(state, archive);
      const message = `Archive ${name} is being indexed (${index.entries} entries so far); try again in a few seconds`;
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message, { index }, RETRY_AFTER_SECONDS);
    }
    const download = this.plan(archive.name, path, state.reader.find(path.components), path.isRoot);
    await this.repositoryBorg.run(repositoryId, (connection) => this.send(download.open(this.borg, connection), download, res));
  }

  private plan(archiveName: string, path: ArchivePath, row: IndexRow | null, isRoot: boolean): Download {
    const tarHeaders = (baseName: Buffer) => ({
      'Content-Type': 'application/x-tar',
      'Content-Disposition': contentDisposition(Buffer.concat([baseName, Buffer.from('.tar')])),
    });
    if (isRoot) {
      return {
        headers: tarHeaders(Buffer.from(archiveName)),
        length: null,
        open: (borg, connection) => borg.exportTar(connection, archiveName, { bypassLock: true }),
      };
    }
    if (!row) throw DomainError.notFound(`${path.toDisplay()} does not exist in archive ${archiveName}`);
    const escaped = path.toEscaped();
    if (row.kind === 'd') {
      const stripComponents = path.components.length - 1;
      return {
        headers: tarHeaders(path.name),
        length: null,
        open: (borg, connection) =>
          borg.exportTar(connection, archiveName, { paths: [escaped], stripComponents: stripComponents || undefined, bypassLock: true }),
      };
    }
    if (row.kind !== '-') {
      throw DomainError.badRequest(`${path.toDisplay()} is a ${entryType(row)}; only files and directories can be downloaded`);
    }
    return {
      headers: {
        'Content-Type': lookup(bytesToEscapedString(path.name)) || 'application/octet-stream',
        'Content-Length': String(row.size),
        'Content-Disposition': contentDisposition(path.name),
      },
      length: row.size,
      open: (borg, connection) => borg.extractToStream(connection, archiveName, escaped, { bypassLock: true }),
    };
  }

  /**
   * Headers go out with the first byte: until then a failure of borg is still an error answer. After that a
   * failure can only cut the connection, which the client sees as an incomplete download.
   */
  private async send(output: BorgStreamResult, download: Download, res: Response): Promise<void> {
    await firstByteOrEnd(output.stream, output.done);
    res.status(200);
    res.set({ ...download.headers, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    try {
      const outcome = await streamToResponse(output, res, download.length);
      if (outcome === 'client-gone') this.logger.log('A download was cancelled by the client; borg was stopped');
    } catch (error) {
      this.logger.warn({ err: error }, 'borg failed in the middle of a download; the connection was cut');
    }
  }
}

function firstByteOrEnd(stream: NodeJS.ReadableStream, done: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onReadable = () => {
      stream.off('readable', onReadable);
      resolve();
    };
    stream.once('readable', onReadable);
    done.then(
      () => {
        stream.off('readable', onReadable);
        resolve();
      },
      (error: unknown) => {
        stream.off('readable', onReadable);
        reject(error);
      },
    );
  });
}
