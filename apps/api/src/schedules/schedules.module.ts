import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArchivesModule } from '../archives/archives.module';
import { JobExecutorRegistry } from '../jobs/job-executor-registry';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { CheckExecutor } from './checks/check.executor';
import { CheckPoliciesController, RepositoryCheckController } from './checks/check-policies.controller';
import { CheckPoliciesService } from './checks/check-policies.service';
import { CheckPolicyEntity } from './checks/check-policy.entity';
import { SchedulePreviewController } from './cron/schedule-preview.controller';
import { CompactExecutor } from './pruning/compact.executor';
import { PruneExecutor } from './pruning/prune.executor';
import { PruningPoliciesController, RepositoryPruneController } from './pruning/pruning-policies.controller';
import { PruningPoliciesService } from './pruning/pruning-policies.service';
import { PruningPolicyEntity } from './pruning/pruning-policy.entity';

/** Pruning and check policies with their prune/compact/check jobs, and cron previews; schedules and hooks come next (issue 6). */
@Module({
  imports: [TypeOrmModule.forFeature([PruningPolicyEntity, CheckPolicyEntity]), JobsModule, RepositoriesModule, ArchivesModule],
  controllers: [
    PruningPoliciesController,
    RepositoryPruneController,
    CheckPoliciesController,
    RepositoryCheckController,
    SchedulePreviewController,
  ],
  providers: [PruningPoliciesService, PruneExecutor, CompactExecutor, CheckPoliciesService, CheckExecutor],
})
export class SchedulesModule implements OnModuleInit {
  constructor(
    private readonly registry: JobExecutorRegistry,
    private readonly pruneExecutor: PruneExecutor,
    private readonly compactExecutor: CompactExecutor,
    private readonly checkExecutor: CheckExecutor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.pruneExecutor);
    this.registry.register(this.compactExecutor);
    this.registry.register(this.checkExecutor);
  }
}
