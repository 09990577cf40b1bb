import { Module } from '@nestjs/common';
import { ArchivesModule } from '../archives/archives.module';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

/** The dashboard's summary of every repository (GET /api/overview) and the Prometheus metrics (GET /metrics). */
@Module({
  imports: [RepositoriesModule, ArchivesModule, SchedulesModule, JobsModule],
  controllers: [OverviewController],
  providers: [OverviewService],
})
export class OverviewModule {}
