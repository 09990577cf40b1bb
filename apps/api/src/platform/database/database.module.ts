import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataDirectory } from '../data-dir/data-directory';
import { databaseOptions } from './database-options';
import { DatabaseVersion } from './database-version';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DataDirectory],
      useFactory: (dataDirectory: DataDirectory) => databaseOptions(dataDirectory.path),
    }),
  ],
  providers: [DatabaseVersion],
  exports: [DatabaseVersion],
})
export class DatabaseModule {}
