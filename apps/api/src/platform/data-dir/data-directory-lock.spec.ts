import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError, DataDirectoryLock, LOCK_FILE } from './data-directory-lock';

describe('DataDirectoryLock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'data-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const holder = () => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));

  it('is held by one at a time, names the holder to the next, and is free again once released', () => {
    const lock = DataDirectoryLock.acquire(dir, 'dev-ino');
    expect(holder()).toMatchObject({ pid: process.pid, directory: 'dev-ino' });
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    expect(() => DataDirectoryLock.acquire(dir, 'dev-ino')).toThrow(new DataDirectoryInUseError(dir, process.pid));
    lock.release();
    DataDirectoryLock.acquire(dir, 'dev-ino').release();
  });

  it('takes over the lock of a server that is gone', async () => {
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: gone.pid, startedAt: '1', directory: 'dev-ino' }));
    DataDirectoryLock.acquire(dir, 'dev-ino').release();
  });

  it('takes over a lock whose pid now belongs to another process', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, startedAt: 'long ago', directory: 'dev-ino' }));
    DataDirectoryLock.acquire(dir, 'dev-ino').release();
  });

  it('takes over a lock copied from another directory, though its server still runs', () => {
    const original = DataDirectoryLock.acquire(dir, 'original');
    expect(() => DataDirectoryLock.acquire(dir, 'original')).toThrow(DataDirectoryInUseError);
    const copy = DataDirectoryLock.acquire(dir, 'copy');
    expect(holder()).toMatchObject({ directory: 'copy' });
    original.release();
    expect(holder()).toMatchObject({ directory: 'copy' });
    copy.release();
  });

  it('takes over a lock file it cannot read', () => {
    writeFileSync(join(dir, LOCK_FILE), 'garbage');
    DataDirectoryLock.acquire(dir, 'dev-ino').release();
  });
});
