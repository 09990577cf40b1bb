import { join } from 'node:path';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { MIGRATIONS } from '../../migrations';

export const DATABASE_FILE = 'borgitory.db';

/** Entities come from each feature module's TypeOrmModule.forFeature; the schema is only ever changed by migrations. */
export function databaseOptions(dataDir: string): TypeOrmModuleOptions {
  return {
    type: 'better-sqlite3',
    database: join(dataDir, DATABASE_FILE),
    autoLoadEntities: true,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    enableWAL: true,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      // In WAL mode NORMAL syncs at checkpoints, not at every commit: still consistent after a crash, at most the last
      // commits lost on power failure, and each small write (progress, sessions, job history) costs no fsync.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
    },
  };
}
