import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataDirectory } from '../data-dir/data-directory';
import { databaseOptions } from './database-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DataDirectory],
      useFactory: (dataDirectory: DataDirectory) => databaseOptions(dataDirectory.path),
    }),
  ],
})
export class DatabaseModule {}
