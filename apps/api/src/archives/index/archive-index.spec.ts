import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BorgArchiveEntry } from '@borgitory/borg-runner';
import { ArchiveIndexReader } from './archive-index-reader';
import { ArchiveIndexWriter } from './archive-index-writer';

function entry(path: string, type = '-', size = 0, mode?: string): BorgArchiveEntry {
  return { path, type, mode: mode ?? `${type}rw-r--r--`, size, mtime: '2026-11-26T10:00:00.123456', healthy: true, linkTarget: '' };
}

describe('archive index', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'index-spec-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function build(entries: BorgArchiveEntry[]): ArchiveIndexReader {
    const file = join(dir, 'index.sqlite');
    const writer = new ArchiveIndexWriter(file);
    writer.add(entries);
    writer.finish();
    return new ArchiveIndexReader(file);
  }
  const names = (reader: ArchiveIndexReader, path: string[]) => {
    const id = path.length ? (reader.find(path.map((p) => Buffer.from(p)))?.id ?? -1) : 0;
    return reader.list(id, 'name', 'asc', 100, 0).rows.map((row) => `${row.kind}:${row.name.toString()}:${row.size}`);
  };

  it('places depth-first entries under their parents and adds up directory sizes', () => {
    const reader = build([
      entry('home', 'd'),
      entry('home/a', 'd'),
      entry('home/a/x.txt', '-', 10),
      entry('home/a/deep', 'd'),
      entry('home/a/deep/y.txt', '-', 5),
      entry('home/b.txt', '-', 7),
      entry('home/link', 'l', 4),
    ]);
    expect(names(reader, [])).toEqual(['d:home:22']);
    expect(names(reader, ['home'])).toEqual(['d:a:15', '-:b.txt:7', 'l:link:4']);
    expect(names(reader, ['home', 'a'])).toEqual(['d:deep:5', '-:x.txt:10']);
    expect(reader.meta()).toEqual({ entries: 7, totalSize: 22 });
  });

  it('adds the directories an archive only implies, and copes with any order', () => {
    const reader = build([
      entry('srv/data/z.txt', '-', 1),
      entry('etc/hosts', '-', 2),
      entry('srv/data/sub/q.txt', '-', 3),
      entry('srv/data', 'd'),
      entry('srv/data/a.txt', '-', 4),
    ]);
    expect(names(reader, [])).toEqual(['d:etc:2', 'd:srv:8']);
    expect(names(reader, ['srv', 'data'])).toEqual(['d:sub:3', '-:a.txt:4', '-:z.txt:1']);
    const data = reader.find([Buffer.from('srv'), Buffer.from('data')]);
    expect(data).toMatchObject({ kind: 'd', mode: 'drw-r--r--', mtime: expect.any(Number) });
    expect(reader.find([Buffer.from('srv')])).toMatchObject({ kind: 'd', mode: null, mtime: null });
  });

  it('counts a hard link once, keeps byte names, finds names case-insensitively and gives paths back', () => {
    const odd = 'bad\udcffname.TXT';
    const reader = build([entry('d', 'd'), entry('d/f', '-', 100), entry('d/g', '-', 100, 'hrw-r--r--'), entry(`d/${odd}`, '-', 1)]);
    expect(reader.meta().totalSize).toBe(101);
    const hit = reader.search('name.txt', 10);
    expect(hit).toHaveLength(1);
    expect(reader.componentsOf(hit[0]).map((c) => c.toString('hex'))).toEqual([
      Buffer.from('d').toString('hex'),
      Buffer.concat([Buffer.from('bad'), Buffer.from([0xff]), Buffer.from('name.TXT')]).toString('hex'),
    ]);
    expect(reader.search('%', 10)).toEqual([]);
  });

  it('sorts by size and time, directories first, and pages', () => {
    const reader = build([entry('a', '-', 3), entry('b', '-', 1), entry('c', 'd'), entry('d', '-', 2)]);
    const bySize = reader.list(0, 'size', 'desc', 10, 0).rows.map((row) => row.name.toString());
    expect(bySize).toEqual(['c', 'a', 'd', 'b']);
    const page = reader.list(0, 'name', 'asc', 2, 1);
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => row.name.toString())).toEqual(['a', 'b']);
  });
});
