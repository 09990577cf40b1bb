import { bytesToEscapedString } from '@borgitory/api-client/byte-path';
import { ArchiveDetailsDto, ArchiveDto, ArchiveIndexStatusDto } from './dto/archive.dto';
import { ArchiveEntryDto, EntryType } from './dto/archive-entry.dto';
import { ArchiveEntity } from './archive.entity';
import { IndexRow } from './index/archive-index-reader';
import { IndexState } from './index/archive-indexes';

/** What an archive list item shows: a page of the list loads only these columns. */
export const ARCHIVE_LIST_COLUMNS = [
  'name',
  'borgId',
  'startedAt',
  'endedAt',
  'hostname',
  'username',
  'comment',
  'fileCount',
  'originalSize',
  'compressedSize',
  'deduplicatedSize',
  'durationSeconds',
  'indexEntries',
] as const satisfies readonly (keyof ArchiveEntity)[];

export type ArchiveListRow = Pick<ArchiveEntity, (typeof ARCHIVE_LIST_COLUMNS)[number]>;

export function toArchiveDto(archive: ArchiveListRow): ArchiveDto {
  return {
    name: archive.name,
    id: archive.borgId,
    start: archive.startedAt.toISOString(),
    end: archive.endedAt?.toISOString() ?? null,
    hostname: archive.hostname,
    username: archive.username,
    comment: archive.comment,
    file_count: archive.fileCount,
    original_size: archive.originalSize,
    compressed_size: archive.compressedSize,
    deduplicated_size: archive.deduplicatedSize,
    duration_seconds: archive.durationSeconds,
    indexed: archive.indexEntries !== null,
  };
}

export function toArchiveDetailsDto(archive: ArchiveEntity): ArchiveDetailsDto {
  return { ...toArchiveDto(archive), command_line: archive.commandLine ?? [] };
}

const TYPES: Record<string, EntryType> = {
  '-': 'file',
  d: 'directory',
  l: 'symlink',
  p: 'fifo',
  c: 'char_device',
  b: 'block_device',
  s: 'socket',
};

export function entryType(row: Pick<IndexRow, 'kind' | 'mode'>): EntryType {
  if (row.kind === '-' && row.mode?.startsWith('h')) return 'hardlink';
  return TYPES[row.kind] ?? 'other';
}

/** `components` is the entry's path; the last one is its name. */
export function toEntryDto(row: IndexRow, components: Buffer[]): ArchiveEntryDto {
  return {
    name: bytesToEscapedString(row.name),
    path: `/${components.map((component) => bytesToEscapedString(component)).join('/')}`,
    type: entryType(row),
    size: row.size,
    mtime: row.mtime === null ? null : new Date(row.mtime).toISOString(),
    mode: row.mode,
    link_target: row.link_target,
    healthy: row.healthy === 1,
  };
}

export function toIndexStatusDto(state: IndexState, archive: ArchiveEntity): ArchiveIndexStatusDto {
  const base = { entries: 0, expected_entries: null, percent: null, bytes: null, error: null };
  switch (state.state) {
    case 'ready':
      return { ...base, state: 'ready', entries: archive.indexEntries ?? 0, bytes: archive.indexBytes };
    case 'building': {
      const percent = state.expected ? Math.min(99, Math.floor((state.entries / state.expected) * 100)) : null;
      return { ...base, state: 'building', entries: state.entries, expected_entries: state.expected, percent };
    }
    case 'failed':
      return { ...base, state: 'failed', error: state.error.message };
    default:
      return { ...base, state: 'none' };
  }
}
