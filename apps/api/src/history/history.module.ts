import { Module } from '@nestjs/common';
import { ArchivesModule } from '../archives/archives.module';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { BackupCalendar } from './calendar/backup-calendar';
import { HistoryController } from './history.controller';
import { RepositoryHistory } from './repository-history';

/** A repository over time: the sizes of its archives for charts, and a calendar of its backups. */
@Module({
  imports: [ArchivesModule, JobsModule, RepositoriesModule, SchedulesModule],
  controllers: [HistoryController],
  providers: [RepositoryHistory, BackupCalendar],
})
export class HistoryModule {}
