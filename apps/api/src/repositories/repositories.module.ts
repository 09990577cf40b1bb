import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { RepositoriesController } from './repositories.controller';
import { RepositoriesService } from './repositories.service';
import { RepositoryBorg } from './borg/repository-borg';
import { RepositoryConnections } from './borg/repository-connections';
import { RepositoryEntity } from './repository.entity';
import { RepositoryPreconditions } from './repository-preconditions';
import { RepositoryRemovals } from './repository-removals';
import { RepositoryStatistics } from './borg/repository-statistics';
import { ExpectationChanges } from './monitoring/expectation-changes';
import { RepositoryMonitorStates } from './monitoring/repository-monitor-states';
import { RepositorySummaries } from './monitoring/repository-summaries';
import { SshController } from './ssh/ssh.controller';
import { SshKeygen } from './ssh/ssh-keygen';
import { SshKeysService } from './ssh/ssh-keys.service';
import { RepositorySshEndpoints } from './ssh/repository-ssh-endpoints';

@Module({
  imports: [TypeOrmModule.forFeature([RepositoryEntity]), JobsModule],
  controllers: [RepositoriesController, SshController],
  providers: [
    RepositoriesService,
    RepositoryBorg,
    RepositoryPreconditions,
    RepositoryConnections,
    RepositoryRemovals,
    RepositoryStatistics,
    ExpectationChanges,
    RepositoryMonitorStates,
    RepositorySummaries,
    SshKeysService,
    SshKeygen,
    RepositorySshEndpoints,
  ],
  exports: [
    RepositoriesService,
    RepositoryBorg,
    RepositoryPreconditions,
    RepositoryRemovals,
    RepositoryStatistics,
    ExpectationChanges,
    RepositoryMonitorStates,
    RepositorySummaries,
    SshKeysService,
    RepositorySshEndpoints,
  ],
})
export class RepositoriesModule {}
