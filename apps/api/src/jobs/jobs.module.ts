import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobEvents } from './job-events';
import { JobExecutorRegistry } from './job-executor-registry';
import { JobLogs } from './job-logs';
import { JobQueue } from './job-queue';
import { JobRecovery } from './job-recovery';
import { JobRetention } from './job-retention';
import { JobRunner } from './job-runner';
import { JobSettings } from './job-settings';
import { JobStepEntity } from './job-step.entity';
import { JobStore } from './job-store';
import { JobStreamsService } from './job-streams.service';
import { JobEntity } from './job.entity';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { ProcessGroups } from './process-groups';

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
    ProcessGroups,
    JobSettings,
  ],
  exports: [JobsService, JobExecutorRegistry],
})
export class JobsModule {}
