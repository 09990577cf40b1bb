import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobExecutorRegistry } from '../jobs/engine/job-executor-registry';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesModule } from '../repositories/repositories.module';
import { CloudRemotes } from './cloud-remotes';
import { CloudSyncConfigEntity } from './cloud-sync-config.entity';
import { CloudSyncConfigUsers } from './cloud-sync-config-users';
import { CloudSyncConfigsService } from './cloud-sync-configs.service';
import { CloudSyncController } from './cloud-sync.controller';
import { CloudSyncExecutor } from './cloud-sync.executor';
import { CloudSyncService } from './cloud-sync.service';
import { HostKeyScanner } from './host-key-scanner';

/** Off-site copies of repositories with rclone: providers, configurations, connection tests, sync jobs, verification. */
@Module({
  imports: [TypeOrmModule.forFeature([CloudSyncConfigEntity]), JobsModule, RepositoriesModule],
  controllers: [CloudSyncController],
  providers: [CloudSyncConfigsService, CloudSyncService, CloudRemotes, CloudSyncExecutor, HostKeyScanner, CloudSyncConfigUsers],
  exports: [CloudSyncConfigsService, CloudSyncService, CloudSyncConfigUsers],
})
export class CloudSyncModule implements OnModuleInit {
  constructor(
    private readonly registry: JobExecutorRegistry,
    private readonly executor: CloudSyncExecutor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.executor);
  }
}
