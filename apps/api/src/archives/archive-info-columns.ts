import { BorgArchiveInfo, parseBorgTime } from '@borgitory/borg-runner';
import { ArchiveEntity } from './archive.entity';

/** The columns of an archive that `borg info` (or `borg create --json`) reports. */
export function infoColumns(info: BorgArchiveInfo): Partial<ArchiveEntity> {
  return {
    borgId: info.id,
    startedAt: parseBorgTime(info.start),
    endedAt: info.end ? parseBorgTime(info.end) : null,
    commandLine: info.commandLine,
    fileCount: info.stats.nfiles,
    originalSize: info.stats.originalSize,
    compressedSize: info.stats.compressedSize,
    deduplicatedSize: info.stats.deduplicatedSize,
    durationSeconds: info.duration,
    ...(info.hostname ? { hostname: info.hostname, username: info.username, comment: info.comment } : {}),
  };
}
