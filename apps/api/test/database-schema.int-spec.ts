import { DataSource } from 'typeorm';
import { startTestApp } from './support/test-app';

describe('database schema', () => {
  it('is exactly what the entities describe once the migrations have run', async () => {
    const testApp = await startTestApp();
    try {
      const dataSource = testApp.app.get(DataSource);
      expect(dataSource.options.synchronize).toBe(false);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await testApp.close();
    }
  });

  it('runs in WAL mode, and every migration can be undone and run again', async () => {
    const testApp = await startTestApp();
    try {
      const dataSource = testApp.app.get(DataSource);
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      const applied = dataSource.migrations.length;
      for (let i = 0; i < applied; i++) await dataSource.undoLastMigration();
      const tables = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
      expect(tables).toEqual([{ name: 'migrations' }]);
      expect(await dataSource.runMigrations()).toHaveLength(applied);
      expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await testApp.close();
    }
  });
});
