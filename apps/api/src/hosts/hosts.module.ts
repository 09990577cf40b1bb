import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RepositoriesModule } from '../repositories/repositories.module';
import { HostEntity } from './host.entity';
import { HostsController } from './hosts.controller';
import { HostsService } from './hosts.service';
import { KnownHosts } from './known-hosts';

/** Other machines, reached over ssh with Borgitory's own key, to back up in borg's pull mode. */
@Module({
  imports: [TypeOrmModule.forFeature([HostEntity]), RepositoriesModule],
  controllers: [HostsController],
  providers: [HostsService, KnownHosts],
})
export class HostsModule {}
