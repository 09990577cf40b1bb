import { Module, OnModuleInit } from '@nestjs/common';
import { ArchivesModule } from '../archives/archives.module';
import { JobExecutorRegistry } from '../jobs/engine/job-executor-registry';
import { HostsModule } from '../hosts/hosts.module';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { BackupExecutor } from './backup.executor';
import { BackupsController } from './backups.controller';
import { BackupsService } from './backups.service';
import { DirectoryBrowser } from './directory-browser';
import { FilesystemController } from './filesystem.controller';
import { SourcePaths } from './source-paths';

@Module({
  imports: [JobsModule, RepositoriesModule, ArchivesModule, HostsModule],
  controllers: [BackupsController, FilesystemController],
  providers: [BackupsService, BackupExecutor, SourcePaths, DirectoryBrowser],
  exports: [BackupsService],
})
export class BackupsModule implements OnModuleInit {
  constructor(
    private readonly registry: JobExecutorRegistry,
    private readonly backupExecutor: BackupExecutor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.backupExecutor);
  }
}
