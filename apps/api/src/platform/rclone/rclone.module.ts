import { Global, Module } from '@nestjs/common';
import { RcloneRunner } from '@borgitory/rclone-runner';
import { APP_CONFIG, AppConfig } from '../config/app-config';

@Global()
@Module({
  providers: [
    {
      provide: RcloneRunner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new RcloneRunner({ rcloneBin: config.rcloneBin, networkTimeoutSeconds: config.rcloneTimeoutSeconds }),
    },
  ],
  exports: [RcloneRunner],
})
export class RcloneModule {}
