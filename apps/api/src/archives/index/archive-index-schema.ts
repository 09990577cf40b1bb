import type Database from 'better-sqlite3';

/** Bumped when the layout changes; files of another version are rebuilt. */
export const INDEX_FORMAT_VERSION = 1;

/**
 * One row per archive entry. `name` is the entry's last path component as raw bytes (names need not be UTF-8);
 * `parent` is the id of the directory row (0 for the archive root). `kind` is borg's type letter.
 */
export function createIndexSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE entries (
      id INTEGER PRIMARY KEY,
      parent INTEGER NOT NULL,
      name BLOB NOT NULL,
      kind TEXT NOT NULL,
      mode TEXT,
      size INTEGER NOT NULL,
      mtime INTEGER,
      healthy INTEGER NOT NULL,
      link_target TEXT
    );
    CREATE UNIQUE INDEX entries_by_parent_name ON entries (parent, name);
    CREATE INDEX directories_by_parent_name ON entries (parent, name) WHERE kind = 'd';
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
}

/** borg prints local wall-clock times without an offset; stored as milliseconds since the epoch. */
export function parseEntryTime(value: string): number | null {
  if (!value) return null;
  const ms = Date.parse(value.length > 23 ? value.slice(0, 23) : value);
  return Number.isNaN(ms) ? null : ms;
}
