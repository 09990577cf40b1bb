import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BorgCreateStats, BorgRunner } from '@borgitory/borg-runner';
import { Repository } from 'typeorm';
import { JobsService } from '../../jobs/jobs.service';
import { RepositoryBorg } from './repository-borg';
import { RepositoryEntity } from '../repository.entity';
import { archiveColumns, readSnapshot, statsAfterBackup, statsColumns } from './repository-snapshot';

/**
 * A repository's figures after a backup (archive count, sizes, newest archive). The backup is complete when
 * `borg create` is: the figures come from its `--json` output at once, and borg's archive list follows in the
 * background, once no job of the repository runs or waits (a job that comes first puts the reading off), to count
 * archives made elsewhere. The sizes create printed are the repository's totals that `borg info` would print; only
 * when they could not be stored is `borg info` read as well.
 */
@Injectable()
export class RepositoryStatistics {
  private readonly logger = new Logger('Repositories');

  constructor(
    @InjectRepository(RepositoryEntity) private readonly repositories: Repository<RepositoryEntity>,
    private readonly borg: BorgRunner,
    private readonly repositoryBorg: RepositoryBorg,
    private readonly jobs: JobsService,
  ) {}

  /** Never fails the backup: the archive exists whatever happens here, and the background reading corrects the figures. */
  async recordBackup(repositoryId: number, created: BorgCreateStats): Promise<void> {
    let sizesStored = false;
    try {
      const repository = await this.repositories.findOneBy({ id: repositoryId });
      if (repository) {
        await this.repositories.update({ id: repositoryId }, statsAfterBackup(repository, created));
        sizesStored = created.repository.stats !== null;
      }
    } catch (error) {
      this.logger.warn({ err: error, repository_id: repositoryId }, 'Could not store the figures of a backup; borg is read next');
    }
    this.jobs.runWhenIdle(repositoryId, (signal) => this.refresh(repositoryId, signal, sizesStored));
  }

  /** A failure leaves the figures as they were and is logged; aborted for a job, it is run again after that job. */
  private async refresh(repositoryId: number, signal: AbortSignal, sizesStored: boolean): Promise<void> {
    try {
      const columns = await this.repositoryBorg.run(repositoryId, async (connection) =>
        sizesStored
          ? archiveColumns((await this.borg.listArchives(connection, { signal, bypassLock: true })).result)
          : statsColumns(await readSnapshot(this.borg, connection, { signal })),
      );
      if (!signal.aborted) await this.repositories.update({ id: repositoryId }, columns);
    } catch (error) {
      if (signal.aborted) return;
      this.logger.warn({ err: error, repository_id: repositoryId }, 'Reading the repository statistics after a backup failed');
    }
  }
}
