import { mkdirSync } from 'node:fs';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
        return databaseOptions(config.dataDir);
      },
    }),
  ],
})
export class DatabaseModule {}
