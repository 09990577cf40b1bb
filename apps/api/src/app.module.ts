import { DynamicModule, Module } from '@nestjs/common';
import { ArchivesModule } from './archives/archives.module';
import { AuthModule } from './auth/auth.module';
import { BackupsModule } from './backups/backups.module';
import { CloudSyncModule } from './cloud-sync/cloud-sync.module';
import { BorgitoryGraphQLModule } from './graphql/graphql.module';
import { HistoryModule } from './history/history.module';
import { HostsModule } from './hosts/hosts.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { OverviewModule } from './overview/overview.module';
import { AppConfig } from './platform/config/app-config';
import { DataDirectory } from './platform/data-dir/data-directory';
import { PlatformModule } from './platform/platform.module';
import { RepositoriesModule } from './repositories/repositories.module';
import { SchedulesModule } from './schedules/schedules.module';
import { SearchModule } from './search/search.module';
import { ServerSettingsModule } from './server-settings/server-settings.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, dataDirectory: DataDirectory): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.register(config, dataDirectory),
        AuthModule,
        RepositoriesModule,
        ServerSettingsModule,
        JobsModule,
        BackupsModule,
        ArchivesModule,
        CloudSyncModule,
        HostsModule,
        SchedulesModule,
        NotificationsModule,
        MonitoringModule,
        HistoryModule,
        OverviewModule,
        SearchModule,
        BorgitoryGraphQLModule,
      ],
    };
  }
}
