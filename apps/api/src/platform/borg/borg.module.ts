import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { BorgRunner } from '@borgitory/borg-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BorgSelfTest } from './borg-self-test';

/** borg keeps its config, cache, security data and key files under <data dir>/borg, never in $HOME. */
@Global()
@Module({
  providers: [
    {
      provide: BorgRunner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new BorgRunner({ borgBin: config.borgBin, baseDir: join(config.dataDir, 'borg') }),
    },
    BorgSelfTest,
  ],
  exports: [BorgRunner],
})
export class BorgModule {}
