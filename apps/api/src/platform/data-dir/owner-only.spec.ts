import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restrictToOwner } from './owner-only';

const modeOf = (path: string) => statSync(path).mode & 0o7777;

describe('restrictToOwner', () => {
  let work: string;
  beforeEach(() => (work = mkdtempSync(join(tmpdir(), 'owner-only-'))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('takes the group’s and others’ bits from every directory and file, keeps the owner’s, and reports each change', () => {
    const root = join(work, 'data');
    mkdirSync(join(root, 'jobs'), { recursive: true });
    writeFileSync(join(root, 'borgitory.db'), '');
    writeFileSync(join(root, 'jobs', '1.log'), '');
    writeFileSync(join(root, 'hook.sh'), '');
    writeFileSync(join(root, 'private'), '');
    chmodSync(root, 0o755);
    chmodSync(join(root, 'jobs'), 0o775);
    chmodSync(join(root, 'borgitory.db'), 0o644);
    chmodSync(join(root, 'jobs', '1.log'), 0o666);
    chmodSync(join(root, 'hook.sh'), 0o755);
    chmodSync(join(root, 'private'), 0o600);

    expect(restrictToOwner(root)).toEqual([
      { path: '', from: 0o755, to: 0o700 },
      { path: 'borgitory.db', from: 0o644, to: 0o600 },
      { path: 'hook.sh', from: 0o755, to: 0o700 },
      { path: 'jobs', from: 0o775, to: 0o700 },
      { path: 'jobs/1.log', from: 0o666, to: 0o600 },
    ]);
    expect(modeOf(root)).toBe(0o700);
    expect(modeOf(join(root, 'jobs', '1.log'))).toBe(0o600);
    expect(modeOf(join(root, 'private'))).toBe(0o600);
    expect(restrictToOwner(root)).toEqual([]);
  });

  it('never follows a link out of the directory', () => {
    const root = join(work, 'data');
    const outside = join(work, 'restore-target');
    mkdirSync(root, { mode: 0o700 });
    mkdirSync(outside);
    writeFileSync(join(outside, 'file'), '');
    chmodSync(outside, 0o755);
    chmodSync(join(outside, 'file'), 0o644);
    symlinkSync(outside, join(root, 'dir-link'));
    symlinkSync(join(outside, 'file'), join(root, 'file-link'));

    expect(restrictToOwner(root)).toEqual([]);
    expect(modeOf(outside)).toBe(0o755);
    expect(modeOf(join(outside, 'file'))).toBe(0o644);
  });
});
