import { Injectable } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';

/**
 * Changes whenever anything in the database may have changed: rows written through the application's connection
 * (SQLite's total_changes(), which counts rows changed by triggers too, and rolled-back ones) or a commit by any other
 * connection (PRAGMA data_version). Reading it costs two prepared statements, a few microseconds.
 */
@Injectable()
export class DatabaseVersion {
  private readonly changes: Statement<[], number>;
  private readonly otherConnections: Statement<[], number>;

  constructor(dataSource: DataSource) {
    const { driver } = dataSource;
    if (!(driver instanceof BetterSqlite3Driver)) throw new Error('DatabaseVersion needs the better-sqlite3 driver');
    const connection: Database = driver.databaseConnection;
    this.changes = connection.prepare<[], number>('SELECT total_changes()').pluck();
    this.otherConnections = connection.prepare<[], number>('PRAGMA data_version').pluck();
  }

  current(): string {
    return `${this.changes.get()}.${this.otherConnections.get()}`;
  }
}
