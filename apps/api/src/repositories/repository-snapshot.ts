import { BorgArchiveSummary, BorgRepositoryInfo } from '@borgitory/borg-runner';
import { parseBorgTime } from './borg-time';
import { RepositoryEntity } from './repository.entity';

/** What borg said about a repository at one moment: `info` plus its archive list. */
export interface RepositorySnapshot {
  info: BorgRepositoryInfo;
  archives: BorgArchiveSummary[];
}

type StatsColumns = Pick<
  RepositoryEntity,
  'archivesCount' | 'originalSize' | 'compressedSize' | 'deduplicatedSize' | 'lastArchiveAt' | 'statsUpdatedAt'
>;

export function statsColumns({ info, archives }: RepositorySnapshot, now = new Date()): StatsColumns {
  const newest = archives.reduce<Date | null>((latest, archive) => {
    const time = parseBorgTime(archive.time);
    return latest === null || time > latest ? time : latest;
  }, null);
  return {
    archivesCount: archives.length,
    originalSize: info.stats?.totalSize ?? 0,
    compressedSize: info.stats?.totalCompressedSize ?? 0,
    deduplicatedSize: info.stats?.uniqueCompressedSize ?? 0,
    lastArchiveAt: newest,
    statsUpdatedAt: now,
  };
}
