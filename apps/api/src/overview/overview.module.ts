import { Module } from '@nestjs/common';
import { ArchivesModule } from '../archives/archives.module';
import { HostsModule } from '../hosts/hosts.module';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { BorgitoryMetrics } from './metrics/borgitory-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

/** The dashboard's summary of every repository (GET /api/v1/overview) and the Prometheus metrics (GET /metrics). */
@Module({
  imports: [RepositoriesModule, ArchivesModule, SchedulesModule, JobsModule, HostsModule],
  controllers: [OverviewController, MetricsController],
  providers: [OverviewService, BorgitoryMetrics],
  exports: [OverviewService],
})
export class OverviewModule {}
