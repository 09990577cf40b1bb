import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobExecutorRegistry } from '../jobs/engine/job-executor-registry';
import { HostsModule } from '../hosts/hosts.module';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { RepositoryRemovals } from '../repositories/repository-removals';
import { ArchiveCatalog } from './archive-catalog';
import { ArchiveCatalogStateEntity } from './archive-catalog-state.entity';
import { ArchiveDownloads } from './archive-downloads';
import { ArchiveEntity } from './archive.entity';
import { ArchiveSettings } from './archive-settings';
import { ArchivesController } from './archives.controller';
import { ArchivesService } from './archives.service';
import { DeleteArchiveExecutor } from './delete-archive.executor';
import { ArchiveIndexes } from './index/archive-indexes';
import { NewArchiveIndexing } from './index/new-archive-indexing';
import { RestoreExecutor } from './restore.executor';
import { RestoreRoots } from './restore-roots/restore-roots';
import { RestoreRootsController } from './restore-roots/restore-roots.controller';
import { ArchiveStatisticsBackfill } from './statistics/archive-statistics-backfill';

@Module({
  imports: [TypeOrmModule.forFeature([ArchiveEntity, ArchiveCatalogStateEntity]), JobsModule, RepositoriesModule, HostsModule],
  controllers: [ArchivesController, RestoreRootsController],
  providers: [
    ArchivesService,
    ArchiveCatalog,
    ArchiveIndexes,
    NewArchiveIndexing,
    ArchiveDownloads,
    ArchiveSettings,
    DeleteArchiveExecutor,
    RestoreExecutor,
    RestoreRoots,
    ArchiveStatisticsBackfill,
  ],
  exports: [ArchiveCatalog, ArchiveIndexes, ArchiveSettings, ArchiveStatisticsBackfill, NewArchiveIndexing, ArchivesService],
})
export class ArchivesModule implements OnModuleInit {
  constructor(
    private readonly registry: JobExecutorRegistry,
    private readonly deleteExecutor: DeleteArchiveExecutor,
    private readonly restoreExecutor: RestoreExecutor,
    private readonly removals: RepositoryRemovals,
    private readonly catalog: ArchiveCatalog,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.deleteExecutor);
    this.registry.register(this.restoreExecutor);
    this.removals.onRemoved((repositoryId) => this.catalog.forgetRepository(repositoryId));
  }
}
