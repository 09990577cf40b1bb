import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgRunner } from '@borgitory/borg-runner';
import { IsNull, Not, Repository } from 'typeorm';
import { JobsService } from '../../jobs/jobs.service';
import { RepositoryBorg } from '../../repositories/borg/repository-borg';
import { ArchiveEntity } from '../archive.entity';
import { infoColumns } from '../archive-info-columns';

/** The kind of idle task (JobQueue.runWhenIdle) that reads the figures of archives no backup here reported. */
const BACKFILL_TASK = 'archive-statistics';

export interface BackfillProgress {
  /** Archives whose figures are stored. */
  done: number;
  total: number;
}

/**
 * The figures (sizes, file count, duration) of archives that no backup of this server reported: those of an
 * imported repository, and those other machines made that a refresh found. One `borg info` per archive, newest
 * first, each as an idle task of the repository's queue: never beside one of its jobs, yielding to one that comes,
 * and putting itself back behind the repository's other idle tasks after each archive. What is done is stored in
 * the archive's row (original_size is set), so a restart continues where it stopped. A failure (the repository
 * unreachable, an archive gone meanwhile) stops it until the next refresh of the list or the next start.
 */
@Injectable()
export class ArchiveStatisticsBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('Archives');
  private figuresStored: () => void = () => undefined;

  constructor(
    @InjectRepository(ArchiveEntity) private readonly archives: Repository<ArchiveEntity>,
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly jobs: JobsService,
  ) {}

  /** At start-up: the repositories whose backfill had not finished. */
  async onApplicationBootstrap(): Promise<void> {
    const pending: { repository_id: number }[] = await this.archives
      .createQueryBuilder('archive')
      .select('DISTINCT archive.repository_id', 'repository_id')
      .where('archive.original_size IS NULL')
      .getRawMany();
    for (const { repository_id } of pending) this.schedule(repository_id);
  }

  /** Called after each archive's figures are stored (the archive catalog forgets the sizes it keeps). */
  onFiguresStored(listener: () => void): void {
    this.figuresStored = listener;
  }

  schedule(repositoryId: number): void {
    this.jobs.runWhenIdle(repositoryId, (signal) => this.fillNext(repositoryId, signal), BACKFILL_TASK);
  }

  async progress(repositoryId: number): Promise<BackfillProgress> {
    const [total, done] = await Promise.all([
      this.archives.countBy({ repositoryId }),
      this.archives.countBy({ repositoryId, originalSize: Not(IsNull()) }),
    ]);
    return { done, total };
  }

  private async fillNext(repositoryId: number, signal: AbortSignal): Promise<void> {
    const archive = await this.archives.findOne({
      select: ['id', 'name', 'borgId', 'addedSize'],
      where: { repositoryId, originalSize: IsNull() },
      order: { startedAt: 'DESC', id: 'DESC' },
    });
    if (!archive) return;
    let info;
    try {
      info = (await this.repositoryBorg.run(repositoryId, (connection) => this.borg.archiveInfo(connection, archive.name, { signal })))
        .result;
    } catch (error) {
      if (signal.aborted) return;
      this.logger.warn(
        { err: error, repository_id: repositoryId, archive: archive.name },
        'Reading the figures of an archive failed; the others wait for the next refresh of the list',
      );
      return;
    }
    if (signal.aborted) return;
    // The name may have been deleted and made again meanwhile: only the archive that was read gets its figures, and
    // the next refresh of the list puts the new one in its place.
    const stored = await this.archives.update(
      { id: archive.id, borgId: info.id },
      { ...infoColumns(info), addedSize: archive.addedSize ?? info.stats.deduplicatedSize, infoLoadedAt: new Date() },
    );
    if (!stored.affected) return;
    this.figuresStored();
    this.schedule(repositoryId);
  }
}
