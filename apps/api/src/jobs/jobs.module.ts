import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobEvents } from './streams/job-events';
import { JobExecutorRegistry } from './engine/job-executor-registry';
import { JobLogs } from './logs/job-logs';
import { JobQueue } from './engine/job-queue';
import { JobRecovery } from './engine/job-recovery';
import { JobPlannerStatistics } from './store/job-planner-statistics';
import { JobRetention } from './store/job-retention';
import { JobRunner } from './engine/job-runner';
import { JobSettings } from './engine/job-settings';
import { JobStepEntity } from './store/job-step.entity';
import { JobStore } from './store/job-store';
import { JobStreamsService } from './streams/job-streams.service';
import { JobEntity } from './store/job.entity';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { JobSummaries } from './job-summaries';
import { ProcessGroups } from './engine/process-groups';

@Module({
  imports: [TypeOrmModule.forFeature([JobEntity, JobStepEntity])],
  controllers: [JobsController],
  providers: [
    JobsService,
    JobExecutorRegistry,
    JobStore,
    JobQueue,
    JobRunner,
    JobEvents,
    JobLogs,
    JobStreamsService,
    JobRecovery,
    JobRetention,
    JobPlannerStatistics,
    ProcessGroups,
    JobSettings,
    JobSummaries,
  ],
  exports: [JobsService, JobExecutorRegistry, JobEvents, JobSummaries],
})
export class JobsModule {}
