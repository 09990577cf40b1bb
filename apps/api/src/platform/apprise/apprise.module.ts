import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { AppriseRunner } from '@borgitory/apprise-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DataDirectory } from '../data-dir/data-directory';

/** Apprise's config files (each holding one URL with its tokens) live for one call in the private data directory. */
@Global()
@Module({
  providers: [
    {
      provide: AppriseRunner,
      inject: [APP_CONFIG, DataDirectory],
      useFactory: (config: AppConfig, dataDirectory: DataDirectory) =>
        new AppriseRunner({ binary: config.appriseBin, workDir: join(dataDirectory.path, 'apprise') }),
    },
  ],
  exports: [AppriseRunner],
})
export class AppriseModule {}
