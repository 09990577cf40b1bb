import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArchivesModule } from '../archives/archives.module';
import { JobExecutorRegistry } from '../jobs/job-executor-registry';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { CompactExecutor } from './pruning/compact.executor';
import { PruneExecutor } from './pruning/prune.executor';
import { PruningPoliciesController, RepositoryPruneController } from './pruning/pruning-policies.controller';
import { PruningPoliciesService } from './pruning/pruning-policies.service';
import { PruningPolicyEntity } from './pruning/pruning-policy.entity';

/** Pruning policies and prune/compact jobs; cron schedules, check policies and hooks come next (issue 6). */
@Module({
  imports: [TypeOrmModule.forFeature([PruningPolicyEntity]), JobsModule, RepositoriesModule, ArchivesModule],
  controllers: [PruningPoliciesController, RepositoryPruneController],
  providers: [PruningPoliciesService, PruneExecutor, CompactExecutor],
})
export class SchedulesModule implements OnModuleInit {
  constructor(
    private readonly registry: JobExecutorRegistry,
    private readonly pruneExecutor: PruneExecutor,
    private readonly compactExecutor: CompactExecutor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.pruneExecutor);
    this.registry.register(this.compactExecutor);
  }
}
