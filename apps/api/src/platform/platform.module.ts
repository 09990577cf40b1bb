import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { AppriseModule } from './apprise/apprise.module';
import { BorgModule } from './borg/borg.module';
import { RcloneModule } from './rclone/rclone.module';
import { SshModule } from './ssh/ssh.module';
import { DatabaseModule } from './database/database.module';
import { DataDirectory } from './data-dir/data-directory';
import { EventsModule } from './events/events.module';
import { FilesModule } from './files/files.module';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { SuccessMessageGuard } from './http/success-message.guard';
import { ApiValidationPipe } from './http/validation.pipe';
import { LoggerModule } from './logging/logger.module';
import { SecretsModule } from './secrets/secrets.module';

@Global()
@Module({})
export class PlatformModule {
  static register(config: AppConfig, dataDirectory: DataDirectory): DynamicModule {
    const configProvider = { provide: APP_CONFIG, useValue: config };
    const dataDirectoryProvider = { provide: DataDirectory, useValue: dataDirectory };
    return {
      module: PlatformModule,
      imports: [AppriseModule, LoggerModule, DatabaseModule, SecretsModule, BorgModule, RcloneModule, SshModule, FilesModule, EventsModule],
      controllers: [HealthController],
      providers: [
        configProvider,
        dataDirectoryProvider,
        HealthService,
        { provide: APP_PIPE, useClass: ApiValidationPipe },
        { provide: APP_GUARD, useClass: SuccessMessageGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [configProvider, dataDirectoryProvider],
    };
  }
}
