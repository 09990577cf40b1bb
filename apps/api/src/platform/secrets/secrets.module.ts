import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { loadMasterKey } from './secret-key';
import { SecretsService } from './secrets.service';

@Global()
@Module({
  providers: [
    {
      provide: SecretsService,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SecretsService(loadMasterKey(config.dataDir, config.secretKey)),
    },
  ],
  exports: [SecretsService],
})
export class SecretsModule {}
