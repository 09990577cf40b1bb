import {
  BorgArchiveSummary,
  BorgCallOptions,
  BorgConnection,
  BorgCreateStats,
  BorgRepositoryInfo,
  BorgRunner,
  parseBorgTime,
} from '@borgitory/borg-runner';
import { RepositoryEntity } from '../repository.entity';

/** What borg said about a repository at one moment: `info` plus its archive list. */
export interface RepositorySnapshot {
  info: BorgRepositoryInfo;
  archives: BorgArchiveSummary[];
}

/**
 * `borg info` and `borg list` of the repository without its lock. `borg info` still opens borg's cache of the
 * repository, which `borg create` holds: beside a backup it can fail, and a backup beside it can too.
 */
export async function readSnapshot(borg: BorgRunner, connection: BorgConnection, options?: BorgCallOptions): Promise<RepositorySnapshot> {
  const info = (await borg.infoWithoutLock(connection, options)).result;
  const archives = (await borg.listArchives(connection, { ...options, bypassLock: true })).result;
  return { info, archives };
}

type StatsColumns = Pick<
  RepositoryEntity,
  'archivesCount' | 'originalSize' | 'compressedSize' | 'deduplicatedSize' | 'lastArchiveAt' | 'statsUpdatedAt'
>;

export function statsColumns({ info, archives }: RepositorySnapshot, now = new Date()): StatsColumns {
  return {
    ...archiveColumns(archives, now),
    originalSize: info.stats?.totalSize ?? 0,
    compressedSize: info.stats?.totalCompressedSize ?? 0,
    deduplicatedSize: info.stats?.uniqueCompressedSize ?? 0,
  };
}

/** The columns the archive list alone gives: how many, and the newest. */
export function archiveColumns(
  archives: BorgArchiveSummary[],
  now = new Date(),
): Pick<StatsColumns, 'archivesCount' | 'lastArchiveAt' | 'statsUpdatedAt'> {
  const newest = archives.reduce<Date | null>((latest, archive) => {
    const time = parseBorgTime(archive.time);
    return latest === null || time > latest ? time : latest;
  }, null);
  return { archivesCount: archives.length, lastArchiveAt: newest, statsUpdatedAt: now };
}

/**
 * The columns after a backup, from `borg create --json` alone: its cache stats are the ones `borg info` prints, and
 * the archive is one more (when the count was known) and the newest unless one started later.
 */
export function statsAfterBackup(current: StatsColumns, created: BorgCreateStats, now = new Date()): StatsColumns {
  const started = parseBorgTime(created.archive.start);
  const stats = created.repository.stats;
  return {
    archivesCount: current.archivesCount === null ? null : current.archivesCount + 1,
    originalSize: stats ? stats.totalSize : current.originalSize,
    compressedSize: stats ? stats.totalCompressedSize : current.compressedSize,
    deduplicatedSize: stats ? stats.uniqueCompressedSize : current.deduplicatedSize,
    lastArchiveAt: current.lastArchiveAt !== null && current.lastArchiveAt > started ? current.lastArchiveAt : started,
    statsUpdatedAt: now,
  };
}
