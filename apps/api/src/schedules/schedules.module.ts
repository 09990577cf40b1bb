import { Module, OnModuleInit } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArchivesModule } from '../archives/archives.module';
import { BackupsModule } from '../backups/backups.module';
import { CloudSyncConfigUsers } from '../cloud-sync/cloud-sync-config-users';
import { CloudSyncModule } from '../cloud-sync/cloud-sync.module';
import { JobExecutorRegistry } from '../jobs/engine/job-executor-registry';
import { JobsModule } from '../jobs/jobs.module';
import { HostsModule } from '../hosts/hosts.module';
import { HostUsers } from '../hosts/host-users';
import { RepositoriesModule } from '../repositories/repositories.module';
import { RepositoryRemovals } from '../repositories/repository-removals';
import { CheckExecutor } from './checks/check.executor';
import { CheckPoliciesController, RepositoryCheckController } from './checks/check-policies.controller';
import { CheckPoliciesService } from './checks/check-policies.service';
import { CheckPolicyEntity } from './checks/check-policy.entity';
import { SchedulePreviewController } from './cron/schedule-preview.controller';
import { HookExecutor } from './hooks/hook.executor';
import { HookProcesses } from './hooks/hook-processes';
import { RepositoryCompactController } from './pruning/compact.controller';
import { CompactExecutor } from './pruning/compact.executor';
import { CompactService } from './pruning/compact.service';
import { PruneExecutor } from './pruning/prune.executor';
import { PruningPoliciesController, RepositoryPruneController } from './pruning/pruning-policies.controller';
import { PruningPoliciesService } from './pruning/pruning-policies.service';
import { PruningPolicyEntity } from './pruning/pruning-policy.entity';
import { EnabledSchedules } from './enabled-schedules';
import { ScheduleNextRuns } from './schedule-next-runs';
import { ScheduleRuns } from './schedule-runs';
import { ScheduleTimers } from './schedule-timers';
import { ScheduleEntity } from './schedule.entity';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

/** Schedules (timers, runs with their steps, hooks and off-site copies), pruning and check policies with their jobs, cron previews. */
@Module({
  imports: [
    ScheduleModule.forRoot(),
    TypeOrmModule.forFeature([PruningPolicyEntity, CheckPolicyEntity, ScheduleEntity]),
    JobsModule,
    RepositoriesModule,
    ArchivesModule,
    BackupsModule,
    CloudSyncModule,
    HostsModule,
  ],
  controllers: [
    // The preview controller first, so that GET /schedules/preview is not taken for a schedule id.
    SchedulePreviewController,
    SchedulesController,
    PruningPoliciesController,
    RepositoryPruneController,
    RepositoryCompactController,
    CheckPoliciesController,
    RepositoryCheckController,
  ],
  providers: [
    SchedulesService,
    ScheduleRuns,
    ScheduleTimers,
    HookProcesses,
    HookExecutor,
    PruningPoliciesService,
    PruneExecutor,
    CompactExecutor,
    CompactService,
    CheckPoliciesService,
    CheckExecutor,
    EnabledSchedules,
    ScheduleNextRuns,
  ],
  exports: [EnabledSchedules, ScheduleNextRuns, SchedulesService],
})
export class SchedulesModule implements OnModuleInit {
  constructor(
    private readonly registry: JobExecutorRegistry,
    private readonly removals: RepositoryRemovals,
    private readonly cloudSyncUsers: CloudSyncConfigUsers,
    private readonly hostUsers: HostUsers,
    private readonly schedules: SchedulesService,
    private readonly pruneExecutor: PruneExecutor,
    private readonly compactExecutor: CompactExecutor,
    private readonly checkExecutor: CheckExecutor,
    private readonly hookExecutor: HookExecutor,
  ) {}

  onModuleInit(): void {
    for (const executor of [this.pruneExecutor, this.compactExecutor, this.checkExecutor, this.hookExecutor])
      this.registry.register(executor);
    this.removals.onRemoved((repositoryId) => this.schedules.forgetRepository(repositoryId));
    this.cloudSyncUsers.register((configId) => this.schedules.namesUsingCloudSync(configId));
    this.hostUsers.register((hostId) => this.schedules.namesUsingHost(hostId));
  }
}
