import { Module } from '@nestjs/common';
import { ArchivesModule } from '../archives/archives.module';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { ArchiveListRefresh } from './archive-lists/archive-list-refresh';
import { FileSystemSpace } from './low-space/file-system-space';
import { LowSpaceMonitor } from './low-space/low-space-monitor';
import { OverdueMonitor } from './overdue/overdue-monitor';
import { RepositoryMonitor } from './repository-monitor';

/** Watches repositories for what no job reports: overdue backups, archive lists changed elsewhere, unreachable repositories, low space. */
@Module({
  imports: [RepositoriesModule, ArchivesModule, SchedulesModule, JobsModule],
  providers: [RepositoryMonitor, OverdueMonitor, ArchiveListRefresh, LowSpaceMonitor, FileSystemSpace],
})
export class MonitoringModule {}
