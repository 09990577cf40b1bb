import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobsService } from '../../jobs/jobs.service';
import { ArchiveEntity } from '../archive.entity';
import { ArchiveSettings } from '../archive-settings';
import { ArchiveIndexes } from './archive-indexes';

/** The kind of idle task (JobQueue.runWhenIdle) that builds the browse index of archives backups made. */
const INDEX_TASK = 'archive-index';

/**
 * Builds the browse index of each archive a backup made, so that search finds its files without anyone opening
 * it: an idle task of the repository's queue (never beside one of its jobs, yielding to one that comes), one
 * archive per task, newest first. The indexes' budget applies as for any build: the least recently used go.
 * What waits is kept in memory only; after a restart, an archive is indexed when it is first browsed.
 */
@Injectable()
export class NewArchiveIndexing {
  private readonly logger = new Logger('ArchiveIndexes');
  /** Archive names waiting, by repository, oldest first. */
  private readonly pending = new Map<number, string[]>();

  constructor(
    @InjectRepository(ArchiveEntity) private readonly archives: Repository<ArchiveEntity>,
    private readonly indexes: ArchiveIndexes,
    private readonly jobs: JobsService,
    private readonly settings: ArchiveSettings,
  ) {}

  schedule(repositoryId: number, archiveName: string): void {
    if (!this.settings.indexNewArchives) return;
    const names = this.pending.get(repositoryId) ?? [];
    if (!names.includes(archiveName)) names.push(archiveName);
    this.pending.set(repositoryId, names);
    this.jobs.runWhenIdle(repositoryId, (signal) => this.indexNext(repositoryId, signal), INDEX_TASK);
  }

  private async indexNext(repositoryId: number, signal: AbortSignal): Promise<void> {
    const names = this.pending.get(repositoryId) ?? [];
    const name = names.at(-1);
    if (name === undefined) return;
    const archive = await this.archives.findOneBy({ repositoryId, name });
    try {
      if (archive) await this.indexes.buildUnlessAborted(archive, signal);
    } catch (error) {
      if (!signal.aborted) this.logger.warn({ err: error, repository_id: repositoryId, archive: name }, 'Indexing a new archive failed');
    }
    if (signal.aborted) return; // the queue runs this task again after the job
    names.pop();
    if (names.length) this.jobs.runWhenIdle(repositoryId, (next) => this.indexNext(repositoryId, next), INDEX_TASK);
    else this.pending.delete(repositoryId);
  }
}
