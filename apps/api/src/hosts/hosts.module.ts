import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RepositoriesModule } from '../repositories/repositories.module';
import { HostEntity } from './host.entity';
import { HostsController } from './hosts.controller';
import { HostConnections } from './host-connections';
import { HostDirectories } from './host-directories';
import { HostKeyInstallation } from './host-key-installation';
import { HostTests } from './host-tests';
import { HostUsers } from './host-users';
import { HostsService } from './hosts.service';
import { PullMode } from './pull/pull-mode';
import { KnownHosts } from './known-hosts';

/** Other machines, reached over ssh with Borgitory's own key, to back up in borg's pull mode. */
@Module({
  imports: [TypeOrmModule.forFeature([HostEntity]), RepositoriesModule],
  controllers: [HostsController],
  providers: [HostsService, KnownHosts, HostConnections, HostTests, HostKeyInstallation, HostDirectories, PullMode, HostUsers],
  exports: [HostsService, HostDirectories, PullMode, HostUsers],
})
export class HostsModule {}
