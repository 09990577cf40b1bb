import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgRunner } from '@borgitory/borg-runner';
import { In, IsNull, Not, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { RepositoryBorg } from '../../repositories/borg/repository-borg';
import { ArchiveEntity } from '../archive.entity';
import { ArchiveSettings } from '../archive-settings';
import { ArchiveIndexReader } from './archive-index-reader';
import { ArchiveIndexWriter } from './archive-index-writer';

export type IndexState =
  | { state: 'ready'; reader: ArchiveIndexReader }
  | { state: 'building'; entries: number; expected: number | null }
  | { state: 'failed'; error: DomainError }
  | { state: 'none' };

interface Build {
  archiveId: number;
  writer: ArchiveIndexWriter | null;
  abort: AbortController;
  done: Promise<void>;
}

const OPEN_READERS = 8;
const USE_WRITE_INTERVAL_MS = 60_000;

/**
 * Browse indexes of archives: one SQLite file per archive under <data>/archive-indexes/<repository id>/, built
 * from a streamed `borg list` the first time the archive is browsed. A build writes to a .partial file that is
 * renamed when complete, so a crash never leaves a half index in use. Together the files stay within the
 * configured budget: the least recently used are deleted first.
 */
@Injectable()
export class ArchiveIndexes implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ArchiveIndexes');
  private readonly root: string;
  private readonly builds = new Map<number, Build>();
  private readonly failures = new Map<number, DomainError>();
  private readonly readers = new Map<number, ArchiveIndexReader>();
  private readonly lastUseWritten = new Map<number, number>();
  private waitingBuilds: Array<() => void> = [];
  private runningBuilds = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(ArchiveEntity) private readonly archives: Repository<ArchiveEntity>,
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly settings: ArchiveSettings,
  ) {
    this.root = join(config.dataDir, 'archive-indexes');
  }

  /** Removes what a crash left: unfinished builds, and files no archive row points to. */
  async onModuleInit(): Promise<void> {
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    const indexed = await this.archives.find({ where: { indexEntries: Not(IsNull()) }, select: ['id', 'repositoryId', 'borgId'] });
    const expected = new Set(indexed.map((archive) => this.fileOf(archive)));
    for (const repositoryDir of readdirSync(this.root)) {
      const dir = join(this.root, repositoryDir);
      for (const file of readdirSync(dir)) if (!expected.has(join(dir, file))) rmSync(join(dir, file), { force: true });
    }
    const missing = indexed.filter((archive) => !existsFile(this.fileOf(archive)));
    if (missing.length) await this.archives.update({ id: In(missing.map((a) => a.id)) }, noIndex());
  }

  onModuleDestroy(): void {
    for (const build of this.builds.values()) build.abort.abort();
    for (const reader of this.readers.values()) reader.close();
    this.readers.clear();
  }

  state(archive: ArchiveEntity): IndexState {
    const build = this.builds.get(archive.id);
    if (build) return { state: 'building', entries: build.writer?.entries ?? 0, expected: archive.fileCount };
    const failure = this.failures.get(archive.id);
    if (failure) return { state: 'failed', error: failure };
    if (archive.indexEntries === null) return { state: 'none' };
    try {
      return { state: 'ready', reader: this.reader(archive) };
    } catch (error) {
      // Deleted or damaged behind the server's back: forget it, and the next browse builds it again.
      this.logger.warn({ err: error, archive_id: archive.id }, 'An archive index could not be opened; it will be rebuilt');
      archive.indexEntries = null;
      this.archives.update({ id: archive.id }, noIndex()).catch(() => undefined);
      return { state: 'none' };
    }
  }

  /** The index, building it first when there is none; waits up to waitMs for a build before answering 'building'. */
  async ensure(archive: ArchiveEntity, waitMs = this.settings.indexWaitMs): Promise<IndexState> {
    const current = this.state(archive);
    if (current.state === 'ready') {
      this.touch(archive);
      return current;
    }
    if (current.state !== 'building') {
      this.failures.delete(archive.id); // a failed build is tried again
      this.start(archive);
    }
    const build = this.builds.get(archive.id);
    if (build && waitMs > 0) await Promise.race([build.done, delay(waitMs)]);
    const fresh = await this.archives.findOneBy({ id: archive.id });
    if (!fresh) throw DomainError.notFound(`Archive ${archive.name} no longer exists`);
    const after = this.state(fresh);
    if (after.state === 'failed') throw after.error;
    if (after.state === 'ready') this.touch(fresh);
    return after;
  }

  /** Starts a build unless one runs (202 answers say so). */
  start(archive: ArchiveEntity): void {
    if (this.builds.has(archive.id)) return;
    const abort = new AbortController();
    const build: Build = { archiveId: archive.id, writer: null, abort, done: Promise.resolve() };
    this.builds.set(archive.id, build);
    build.done = this.runBuild(archive, build)
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        this.failures.set(archive.id, error instanceof DomainError ? error : this.unexpected(error, archive));
      })
      .finally(() => this.builds.delete(archive.id));
  }

  /**
   * Builds the index of an archive in the background unless it has one, one is being built, or the last build
   * failed; waits for it. The signal stops a build this call started (a build a browse started goes on).
   */
  async buildUnlessAborted(archive: ArchiveEntity, signal: AbortSignal): Promise<void> {
    if (this.state(archive).state !== 'none' || signal.aborted) return;
    this.start(archive);
    const build = this.builds.get(archive.id);
    if (!build) return;
    const stop = () => build.abort.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      await build.done;
    } finally {
      signal.removeEventListener('abort', stop);
    }
    const failure = this.failures.get(archive.id);
    if (failure) throw failure;
  }

  /** Deletes an archive's index (its archive is gone, or it is evicted). */
  async drop(archive: Pick<ArchiveEntity, 'id' | 'repositoryId' | 'borgId'>): Promise<void> {
    const build = this.builds.get(archive.id);
    if (build) {
      build.abort.abort();
      await build.done;
    }
    this.failures.delete(archive.id);
    this.readers.get(archive.id)?.close();
    this.readers.delete(archive.id);
    await rm(this.fileOf(archive), { force: true });
    await this.archives.update({ id: archive.id }, noIndex());
  }

  async dropRepository(repositoryId: number): Promise<void> {
    const archives = await this.archives.find({ where: { repositoryId }, select: ['id', 'repositoryId', 'borgId'] });
    for (const archive of archives) await this.drop(archive);
    await rm(join(this.root, String(repositoryId)), { recursive: true, force: true });
  }

  fileOf(archive: Pick<ArchiveEntity, 'repositoryId' | 'borgId'>): string {
    return join(this.root, String(archive.repositoryId), `${archive.borgId}.sqlite`);
  }

  private async runBuild(archive: ArchiveEntity, build: Build): Promise<void> {
    await this.buildSlot();
    const file = this.fileOf(archive);
    const partial = `${file}.partial`;
    try {
      mkdirSync(join(this.root, String(archive.repositoryId)), { recursive: true, mode: 0o700 });
      await rm(partial, { force: true });
      const writer = new ArchiveIndexWriter(partial);
      build.writer = writer;
      const started = Date.now();
      try {
        await this.repositoryBorg.run(archive.repositoryId, async (connection) => {
          const entries = this.borg.listArchiveEntries(connection, archive.name, { bypassLock: true, signal: build.abort.signal });
          for await (const batch of entries) writer.add(batch);
        });
      } catch (error) {
        writer.abort();
        throw error;
      }
      const { entries } = writer.finish();
      await rename(partial, file);
      const bytes = (await stat(file)).size;
      await this.archives.update({ id: archive.id }, { indexEntries: entries, indexBytes: bytes, indexUsedAt: new Date() });
      this.logger.log(`Indexed archive ${archive.name} (${entries} entries, ${bytes} bytes) in ${Date.now() - started} ms`);
      await this.enforceBudget(archive.id);
    } finally {
      await rm(partial, { force: true });
      this.releaseBuildSlot();
    }
  }

  /** Deletes the least recently used indexes until the total fits the budget; the one just built stays. */
  private async enforceBudget(keepId: number): Promise<void> {
    const indexed = await this.archives.find({
      where: { indexEntries: Not(IsNull()) },
      select: ['id', 'repositoryId', 'borgId', 'indexBytes', 'indexUsedAt'],
      order: { indexUsedAt: 'ASC' },
    });
    let total = indexed.reduce((sum, archive) => sum + (archive.indexBytes ?? 0), 0);
    for (const archive of indexed) {
      if (total <= this.config.indexBudgetBytes) break;
      if (archive.id === keepId) continue;
      this.logger.log(`Evicting the index of archive ${archive.id} (${archive.indexBytes} bytes): over the index budget`);
      await this.drop(archive);
      total -= archive.indexBytes ?? 0;
    }
  }

  private reader(archive: ArchiveEntity): ArchiveIndexReader {
    let reader = this.readers.get(archive.id);
    if (reader) {
      this.readers.delete(archive.id);
    } else {
      reader = new ArchiveIndexReader(this.fileOf(archive));
      if (this.readers.size >= OPEN_READERS) {
        const [oldestId, oldest] = this.readers.entries().next().value as [number, ArchiveIndexReader];
        oldest.close();
        this.readers.delete(oldestId);
      }
    }
    this.readers.set(archive.id, reader); // most recently used last
    return reader;
  }

  /** Records use for the eviction order, at most once a minute per archive. */
  private touch(archive: ArchiveEntity): void {
    const now = Date.now();
    if (now - (this.lastUseWritten.get(archive.id) ?? 0) < USE_WRITE_INTERVAL_MS) return;
    this.lastUseWritten.set(archive.id, now);
    this.archives.update({ id: archive.id }, { indexUsedAt: new Date(now) }).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Could not record the use of an archive index');
    });
  }

  private unexpected(error: unknown, archive: ArchiveEntity): DomainError {
    const errorId = `index-${archive.id}-${Date.now()}`;
    this.logger.error({ err: error, archive_id: archive.id, error_id: errorId }, 'Indexing an archive failed unexpectedly');
    return new DomainError(ErrorCode.INTERNAL_ERROR, `Indexing the archive failed (error id ${errorId}); the server log has the details`);
  }

  private buildSlot(): Promise<void> {
    if (this.runningBuilds < this.settings.maxConcurrentIndexBuilds) {
      this.runningBuilds++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waitingBuilds.push(resolve));
  }

  private releaseBuildSlot(): void {
    const next = this.waitingBuilds.shift();
    if (next) next();
    else this.runningBuilds--;
  }
}

function noIndex(): Partial<ArchiveEntity> {
  return { indexEntries: null, indexBytes: null, indexUsedAt: null };
}

function existsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
