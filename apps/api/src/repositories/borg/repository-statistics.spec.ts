import { Logger } from '@nestjs/common';
import { BorgConnection, BorgCreateStats, BorgRunner } from '@borgitory/borg-runner';
import { Repository } from 'typeorm';
import { IdleTask } from '../../jobs/engine/job-queue';
import { JobsService } from '../../jobs/jobs.service';
import { RepositoryBorg } from './repository-borg';
import { RepositoryEntity } from '../repository.entity';
import { RepositoryStatistics } from './repository-statistics';

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
    commandLine: [],
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

describe('RepositoryStatistics', () => {
  let table: { findOneBy: jest.Mock; update: jest.Mock };
  let borg: { infoWithoutLock: jest.Mock; listArchives: jest.Mock };
  let runBorg: jest.Mock;
  let idleTasks: IdleTask[];
  let warn: jest.SpyInstance;
  let statistics: RepositoryStatistics;

  beforeEach(() => {
    table = {
      findOneBy: jest.fn().mockResolvedValue({ id: 7, archivesCount: 2, lastArchiveAt: null, originalSize: 1 }),
      update: jest.fn().mockResolvedValue(undefined),
    };
    borg = {
      infoWithoutLock: jest
        .fn()
        .mockResolvedValue({ result: { ...created.repository, stats: { ...created.repository.stats, totalSize: 301 } } }),
      listArchives: jest
        .fn()
        .mockResolvedValue({ result: [{ name: 'a', id: '1', start: '2026-12-05T08:52:46', time: '2026-12-05T08:52:46' }] }),
    };
    runBorg = jest.fn((_id: number, work: (connection: BorgConnection) => Promise<unknown>) => work({ location: '/r' } as BorgConnection));
    idleTasks = [];
    const jobs = { runWhenIdle: jest.fn((_id: number, task: IdleTask) => idleTasks.push(task)) };
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    statistics = new RepositoryStatistics(
      table as unknown as Repository<RepositoryEntity>,
      borg as unknown as BorgRunner,
      { run: runBorg } as unknown as RepositoryBorg,
      jobs as unknown as JobsService,
    );
  });
  afterEach(() => warn.mockRestore());

  it("stores create's figures at once, then counts the archives in an idle task, without the repository's lock", async () => {
    await statistics.recordBackup(7, created);
    expect(table.update).toHaveBeenCalledWith(
      { id: 7 },
      expect.objectContaining({ archivesCount: 3, originalSize: 300, deduplicatedSize: 100 }),
    );
    expect(runBorg).not.toHaveBeenCalled();
    expect(idleTasks).toHaveLength(1);

    await idleTasks[0](new AbortController().signal);
    expect(borg.listArchives).toHaveBeenCalledWith(expect.anything(), { signal: expect.any(AbortSignal), bypassLock: true });
    expect(borg.infoWithoutLock).not.toHaveBeenCalled();
    const [, counted] = table.update.mock.calls.at(-1) as [unknown, Record<string, unknown>];
    expect(counted).toMatchObject({ archivesCount: 1, lastArchiveAt: new Date(2026, 11, 5, 8, 52, 46) });
    expect(counted).not.toHaveProperty('originalSize');
    expect(warn).not.toHaveBeenCalled();
  });

  it('never fails the backup: a failed store is logged, and borg info is read as well as the list', async () => {
    table.update.mockRejectedValueOnce(new Error('disk full'));
    await expect(statistics.recordBackup(7, created)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(idleTasks).toHaveLength(1);

    await idleTasks[0](new AbortController().signal);
    expect(borg.infoWithoutLock).toHaveBeenCalledWith(expect.anything(), { signal: expect.any(AbortSignal) });
    expect(table.update).toHaveBeenLastCalledWith({ id: 7 }, expect.objectContaining({ archivesCount: 1, originalSize: 301 }));
  });

  it('reads borg info too when create printed no repository figures', async () => {
    await statistics.recordBackup(7, { ...created, repository: { ...created.repository, stats: null } });
    await idleTasks[0](new AbortController().signal);
    expect(borg.infoWithoutLock).toHaveBeenCalledTimes(1);
    expect(table.update).toHaveBeenLastCalledWith({ id: 7 }, expect.objectContaining({ originalSize: 301 }));
  });

  it('logs a failed reading and leaves the figures; an aborted one is neither logged nor stored', async () => {
    await statistics.recordBackup(7, created);
    table.update.mockClear();
    runBorg.mockRejectedValueOnce(new Error('borg is gone'));
    await expect(idleTasks[0](new AbortController().signal)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ repository_id: 7 }), expect.stringContaining('failed'));

    warn.mockClear();
    const aborted = new AbortController();
    aborted.abort();
    runBorg.mockRejectedValueOnce(new Error('killed'));
    await idleTasks[0](aborted.signal);
    await idleTasks[0](aborted.signal); // borg had finished, but a job came first: the task runs again after it
    expect(warn).not.toHaveBeenCalled();
    expect(table.update).not.toHaveBeenCalled();
  });
});
