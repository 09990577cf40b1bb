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

const COLUMNS = 'id, parent, name, kind, mode, size, mtime, healthy, link_target';
const SORT_COLUMNS: Record<IndexSort, string> = { name: 'name', size: 'size', mtime: 'mtime' };

/** Read-only queries on one archive's index file. Directories always come before other entries. */
export class ArchiveIndexReader {
  private readonly db: Database.Database;
  private readonly child: Database.Statement<[number, Buffer], IndexRow | undefined>;
  private readonly byId: Database.Statement<[number], IndexRow | undefined>;
  private readonly countChildren: Database.Statement<[number], { n: number }>;
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

  list(directoryId: number, sort: IndexSort, order: IndexOrder, limit: number, offset: number): { rows: IndexRow[]; total: number } {
    const key = `${sort}:${order}`;
    let page = this.pages.get(key);
    if (!page) {
      const direction = order === 'desc' ? 'DESC' : 'ASC';
      page = this.db.prepare(
        `SELECT ${COLUMNS} FROM entries WHERE parent = ? ORDER BY kind = 'd' DESC, ${SORT_COLUMNS[sort]} ${direction}, name ${direction} LIMIT ? OFFSET ?`,
      );
      this.pages.set(key, page);
    }
    return { rows: page.all(directoryId, limit, offset), total: this.countChildren.get(directoryId)?.n ?? 0 };
  }

  /** Entries whose name contains `needle` (ASCII case-insensitive), in archive order. */
  search(needle: string, limit: number): IndexRow[] {
    const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db.prepare(`SELECT ${COLUMNS} FROM entries WHERE CAST(name AS TEXT) LIKE ? ESCAPE '\\' LIMIT ?`).all(pattern, limit) as IndexRow[];
  }

  /** The path components of a row, root first. */
  componentsOf(row: IndexRow): Buffer[] {
    const components = [row.name];
    for (let parent = row.parent; parent !== 0; ) {
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
