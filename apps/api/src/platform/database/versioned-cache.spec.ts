import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { DatabaseVersion } from './database-version';
import { VersionedCache } from './versioned-cache';

describe('DatabaseVersion and VersionedCache, on a real SQLite file', () => {
  let work: string;
  let dataSource: DataSource;
  let version: DatabaseVersion;

  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), 'borgitory-cache-'));
    dataSource = new DataSource({ type: 'better-sqlite3', database: join(work, 'test.db'), enableWAL: true });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)');
    version = new DatabaseVersion(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('changes with every write of the application and every commit of another connection, not with reads', async () => {
    const before = version.current();
    await dataSource.query('SELECT * FROM items');
    expect(version.current()).toBe(before);

    await dataSource.query("INSERT INTO items (name) VALUES ('a')");
    const afterInsert = version.current();
    expect(afterInsert).not.toBe(before);
    await dataSource.query("UPDATE items SET name = 'b'");
    expect(version.current()).not.toBe(afterInsert);

    const afterUpdate = version.current();
    const other = new Database(join(work, 'test.db'));
    try {
      other.prepare("INSERT INTO items (name) VALUES ('from elsewhere')").run();
    } finally {
      other.close();
    }
    expect(version.current()).not.toBe(afterUpdate);
  });

  it('answers from memory while nothing changed, and loads again after any write', async () => {
    const cache = new VersionedCache<string[]>(version, 8);
    const load = jest.fn(async () =>
      (await dataSource.query('SELECT name FROM items ORDER BY id')).map((row: { name: string }) => row.name),
    );
    await dataSource.query("INSERT INTO items (name) VALUES ('a')");
    expect(await cache.get('all', load)).toEqual(['a']);
    expect(await cache.get('all', load)).toEqual(['a']);
    expect(load).toHaveBeenCalledTimes(1);

    await dataSource.query("INSERT INTO items (name) VALUES ('b')");
    expect(await cache.get('all', load)).toEqual(['a', 'b']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep an answer past a write made while it was being loaded', async () => {
    const cache = new VersionedCache<number>(version, 8);
    const loadWhileWriting = async () => {
      const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM items');
      await dataSource.query("INSERT INTO items (name) VALUES ('meanwhile')");
      return n;
    };
    expect(await cache.get('count', loadWhileWriting)).toBe(0);
    const count = async () => (await dataSource.query('SELECT COUNT(*) AS n FROM items'))[0].n;
    expect(await cache.get('count', count)).toBe(1);
  });

  it('keeps at most its size, dropping the oldest', async () => {
    const cache = new VersionedCache<string>(version, 2);
    const load = jest.fn(async () => 'page');
    for (const key of ['1', '2', '3']) await cache.get(key, load);
    await cache.get('3', load);
    await cache.get('2', load);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get('1', load);
    expect(load).toHaveBeenCalledTimes(4);
  });
});
