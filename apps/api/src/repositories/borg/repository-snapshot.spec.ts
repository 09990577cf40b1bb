import { BorgCreateStats, parseBorgTime } from '@borgitory/borg-runner';
import { statsAfterBackup } from './repository-snapshot';

const created: BorgCreateStats = {
  archive: {
    name: 'nightly',
    id: 'aa97',
    start: '2026-12-05T08:52:46.000000',
    end: '2026-12-05T08:52:47.000000',
    duration: 1.2,
    comment: '',
    hostname: '',
    username: '',
    commandLine: ['borg', 'create'],
    stats: { originalSize: 10, compressedSize: 8, deduplicatedSize: 5, nfiles: 2 },
    limits: { maxArchiveSize: 0 },
  },
  repository: {
    id: 'ab12',
    location: '/r',
    lastModified: '2026-12-05T08:52:47.000000',
    encryption: { mode: 'none' },
    stats: { totalSize: 300, totalCompressedSize: 200, uniqueSize: 150, uniqueCompressedSize: 100, totalChunks: 9, totalUniqueChunks: 6 },
  },
};

describe('statsAfterBackup', () => {
  const now = new Date('2026-12-05T09:00:00Z');
  const before = {
    archivesCount: 3,
    originalSize: 1,
    compressedSize: 1,
    deduplicatedSize: 1,
    lastArchiveAt: new Date('2026-12-01T00:00:00Z'),
    statsUpdatedAt: new Date('2026-12-01T00:00:00Z'),
  };

  it('counts the archive, takes the sizes from the cache stats borg create printed, and its start as the newest archive', () => {
    expect(statsAfterBackup(before, created, now)).toEqual({
      archivesCount: 4,
      originalSize: 300,
      compressedSize: 200,
      deduplicatedSize: 100,
      lastArchiveAt: parseBorgTime(created.archive.start),
      statsUpdatedAt: now,
    });
  });

  it('keeps an unknown count unknown, a later newest archive, and the sizes when borg printed no cache stats', () => {
    const later = new Date('2030-01-01T00:00:00Z');
    const result = statsAfterBackup(
      { ...before, archivesCount: null, lastArchiveAt: later },
      { ...created, repository: { ...created.repository, stats: null } },
      now,
    );
    expect(result).toEqual({ ...before, archivesCount: null, lastArchiveAt: later, statsUpdatedAt: now });
  });
});
