import Database from 'better-sqlite3';
import type { BorgArchiveEntry } from '@borgitory/borg-runner';
import { pathBytes } from '../archive-path';
import { createIndexSchema, INDEX_FORMAT_VERSION, parseEntryTime } from './archive-index-schema';

interface Frame {
  path: string;
  id: number;
  /** Bytes of regular files added below this directory while it was on the stack. */
  addedSize: number;
}

/**
 * Writes one archive's entries into a new index file as they stream in from borg. borg lists an archive depth
 * first, so the directories above the current entry are kept on a stack and each entry's parent is found there;
 * a directory missing from the archive (the parents of a backed-up path) is added as an implicit one. Entries in
 * any other order still land right: a parent that is not on the stack is looked up in the file. Directory sizes
 * are the sum of the regular files below them, added up as directories leave the stack.
 */
export class ArchiveIndexWriter {
  private readonly db: Database.Database;
  private readonly stack: Frame[] = [{ path: '', id: 0, addedSize: 0 }];
  private readonly findChild: Database.Statement<[number, Buffer], { id: number } | undefined>;
  private readonly insertImplicitDirectory: Database.Statement<[number, Buffer]>;
  private readonly upsertDirectory: Database.Statement<[number, Buffer, string, number | null, number], { id: number }>;
  private readonly upsertEntry: Database.Statement<[number, Buffer, string, string, number, number | null, number, string | null]>;
  private readonly addSize: Database.Statement<[number, number]>;
  private count = 0;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    createIndexSchema(this.db);
    this.findChild = this.db.prepare('SELECT id FROM entries WHERE parent = ? AND name = ?');
    this.insertImplicitDirectory = this.db.prepare(
      "INSERT INTO entries (parent, name, kind, mode, size, mtime, healthy, link_target) VALUES (?, ?, 'd', NULL, 0, NULL, 1, NULL)",
    );
    this.upsertDirectory = this.db.prepare(
      `INSERT INTO entries (parent, name, kind, mode, size, mtime, healthy, link_target) VALUES (?, ?, 'd', ?, 0, ?, ?, NULL)
       ON CONFLICT (parent, name) DO UPDATE SET kind = 'd', mode = excluded.mode, mtime = excluded.mtime, healthy = excluded.healthy
       RETURNING id`,
    );
    this.upsertEntry = this.db.prepare(
      `INSERT INTO entries (parent, name, kind, mode, size, mtime, healthy, link_target) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (parent, name) DO UPDATE SET kind = excluded.kind, mode = excluded.mode, size = excluded.size,
         mtime = excluded.mtime, healthy = excluded.healthy, link_target = excluded.link_target`,
    );
    this.addSize = this.db.prepare('UPDATE entries SET size = size + ? WHERE id = ?');
    this.db.exec('BEGIN');
  }

  get entries(): number {
    return this.count;
  }

  add(batch: BorgArchiveEntry[]): void {
    for (const entry of batch) this.addOne(entry);
  }

  /** Completes the file; returns the number of entries and the size of all regular files. */
  finish(): { entries: number; totalSize: number } {
    while (this.stack.length > 1) this.popFrame();
    const totalSize = this.stack[0].addedSize;
    const setMeta = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    setMeta.run('format', String(INDEX_FORMAT_VERSION));
    setMeta.run('entries', String(this.count));
    setMeta.run('total_size', String(totalSize));
    this.db.exec('COMMIT');
    this.db.close();
    return { entries: this.count, totalSize };
  }

  /** Closes the file without completing it (the caller deletes it). */
  abort(): void {
    if (this.db.open) this.db.close();
  }

  private addOne(entry: BorgArchiveEntry): void {
    const path = entry.path.replace(/^(?:\.\/)+/, '');
    if (path === '' || path === '.') return;
    const slash = path.lastIndexOf('/');
    const parent = this.parentFrame(slash === -1 ? '' : path.slice(0, slash));
    const name = pathBytes(path.slice(slash + 1));
    const mtime = parseEntryTime(entry.mtime);
    const healthy = entry.healthy ? 1 : 0;
    this.count++;
    if (entry.type === 'd') {
      const { id } = this.upsertDirectory.get(parent.id, name, entry.mode, mtime, healthy) as { id: number };
      this.stack.push({ path, id, addedSize: 0 });
      return;
    }
    const linkTarget = entry.linkTarget === '' ? null : entry.linkTarget;
    this.upsertEntry.run(parent.id, name, entry.type, entry.mode, entry.size, mtime, healthy, linkTarget);
    // A hard link repeats an earlier file's size; count the bytes once.
    if (entry.type === '-' && !entry.mode.startsWith('h')) parent.addedSize += entry.size;
  }

  private parentFrame(parentPath: string): Frame {
    let top = this.stack[this.stack.length - 1];
    while (top.path !== parentPath && !(top.path === '' || parentPath.startsWith(`${top.path}/`))) {
      this.popFrame();
      top = this.stack[this.stack.length - 1];
    }
    if (top.path === parentPath) return top;
    const below = top.path === '' ? parentPath : parentPath.slice(top.path.length + 1);
    for (const component of below.split('/')) {
      const name = pathBytes(component);
      const found = this.findChild.get(top.id, name);
      const id = found ? found.id : Number(this.insertImplicitDirectory.run(top.id, name).lastInsertRowid);
      top = { path: top.path === '' ? component : `${top.path}/${component}`, id, addedSize: 0 };
      this.stack.push(top);
    }
    return top;
  }

  private popFrame(): void {
    const frame = this.stack.pop() as Frame;
    if (frame.addedSize !== 0) this.addSize.run(frame.addedSize, frame.id);
    this.stack[this.stack.length - 1].addedSize += frame.addedSize;
  }
}
