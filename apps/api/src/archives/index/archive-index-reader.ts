import Database from 'better-sqlite3';
import { INDEX_FORMAT_VERSION } from './archive-index-schema';

export interface IndexRow {
  id: number;
  parent: number;
  name: Buffer;
  kind: string;
  mode: string | null;
  size: number;
  mtime: number | null;
  healthy: number;
  link_target: string | null;
}

export type IndexSort = 'name' | 'size' | 'mtime';
export type IndexOrder = 'asc' | 'desc';

/** What one query of a page reads: by name, the directories and the other entries apart; by size or time, all. */
export type IndexPart = 'dirs' | 'others' | Exclude<IndexSort, 'name'>;

const COLUMNS = 'id, parent, name, kind, mode, size, mtime, healthy, link_target';
const SORT_COLUMNS: Record<IndexSort, string> = { name: 'name', size: 'size', mtime: 'mtime' };

/**
 * The query of one part of a directory's page (parameters: directory id, limit, offset). By name, directories and
 * the rest are read in index order; by size or time, SQLite sorts the directory's rows.
 */
export function pageSql(part: IndexPart, order: IndexOrder): string {
  const direction = order === 'desc' ? 'DESC' : 'ASC';
  if (part === 'dirs') return `SELECT ${COLUMNS} FROM entries WHERE parent = ? AND kind = 'd' ORDER BY name ${direction} LIMIT ? OFFSET ?`;
  if (part === 'others')
    return `SELECT ${COLUMNS} FROM entries WHERE parent = ? AND kind <> 'd' ORDER BY name ${direction} LIMIT ? OFFSET ?`;
  return `SELECT ${COLUMNS} FROM entries WHERE parent = ? ORDER BY kind = 'd' DESC, ${SORT_COLUMNS[part]} ${direction}, name ${direction} LIMIT ? OFFSET ?`;
}

/** Read-only queries on one archive's index file. Directories always come before other entries. */
export class ArchiveIndexReader {
  private readonly db: Database.Database;
  private readonly child: Database.Statement<[number, Buffer], IndexRow | undefined>;
  private readonly byId: Database.Statement<[number], IndexRow | undefined>;
  private readonly countChildren: Database.Statement<[number], { n: number }>;
  private readonly countDirectories: Database.Statement<[number], { n: number }>;
  private readonly pages = new Map<string, Database.Statement<[number, number, number], IndexRow>>();

  constructor(readonly file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    const format = this.db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as { value: string } | undefined;
    if (format?.value !== String(INDEX_FORMAT_VERSION)) {
      this.db.close();
      throw new Error(`${file} has index format ${format?.value ?? 'none'}, not ${INDEX_FORMAT_VERSION}`);
    }
    this.child = this.db.prepare(`SELECT ${COLUMNS} FROM entries WHERE parent = ? AND name = ?`);
    this.byId = this.db.prepare(`SELECT ${COLUMNS} FROM entries WHERE id = ?`);
    this.countChildren = this.db.prepare('SELECT count(*) AS n FROM entries WHERE parent = ?');
    this.countDirectories = this.db.prepare("SELECT count(*) AS n FROM entries WHERE parent = ? AND kind = 'd'");
  }

  /** The entry at a path (components as bytes); null when there is none. The root has no row: use isRoot first. */
  find(components: Buffer[]): IndexRow | null {
    let row: IndexRow | undefined;
    let parent = 0;
    for (const component of components) {
      row = this.child.get(parent, component);
      if (!row) return null;
      parent = row.id;
    }
    return row ?? null;
  }

  /**
   * One page of a directory. By name, directories and the rest are read in index order, in two queries, so a
   * page of a huge directory costs what the page holds; by size or time, SQLite sorts the directory's rows.
   */
  list(directoryId: number, sort: IndexSort, order: IndexOrder, limit: number, offset: number): { rows: IndexRow[]; total: number } {
    const total = this.countChildren.get(directoryId)?.n ?? 0;
    if (sort !== 'name') return { rows: this.page(`${sort}:${order}`, directoryId, limit, offset), total };
    const directories = this.countDirectories.get(directoryId)?.n ?? 0;
    const rows = offset < directories ? this.page(`dirs:${order}`, directoryId, Math.min(limit, directories - offset), offset) : [];
    if (rows.length < limit)
      rows.push(...this.page(`others:${order}`, directoryId, limit - rows.length, Math.max(0, offset - directories)));
    return { rows, total };
  }

  private page(key: `${IndexPart}:${IndexOrder}`, directoryId: number, limit: number, offset: number): IndexRow[] {
    let statement = this.pages.get(key);
    if (!statement) {
      const [part, order] = key.split(':') as [IndexPart, IndexOrder];
      statement = this.db.prepare(pageSql(part, order));
      this.pages.set(key, statement);
    }
    return statement.all(directoryId, limit, offset);
  }

  /** Entries whose name contains `needle` (ASCII case-insensitive), in archive order. */
  search(needle: string, limit: number): IndexRow[] {
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM entries WHERE CAST(name AS TEXT) LIKE ? ESCAPE '\\' LIMIT ?`)
      .all(pattern, limit) as IndexRow[];
  }

  /** The path components of a row, root first. */
  componentsOf(row: IndexRow): Buffer[] {
    const components = [row.name];
    for (let parent = row.parent; parent !== 0;) {
      const above = this.byId.get(parent);
      if (!above) break;
      components.unshift(above.name);
      parent = above.parent;
    }
    return components;
  }

  meta(): { entries: number; totalSize: number } {
    const rows = this.db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
    const value = (key: string) => Number(rows.find((row) => row.key === key)?.value ?? 0);
    return { entries: value('entries'), totalSize: value('total_size') };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
