import { ApiProperty } from '@nestjs/swagger';

export const ENTRY_TYPES = ['file', 'directory', 'symlink', 'hardlink', 'fifo', 'char_device', 'block_device', 'socket', 'other'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

const BYTE_STRINGS =
  'Names are bytes: a byte that is not part of valid UTF-8 appears as the lone surrogate U+DC80+byte (escaped \\udcXX in JSON, ' +
  "as Python's surrogateescape and borg do). Send paths back percent-encoding their bytes.";

export class ArchiveEntryDto {
  @ApiProperty({ description: `Last path component. ${BYTE_STRINGS}` })
  name!: string;

  @ApiProperty({ example: '/home/user/documents/report.pdf', description: 'Path in the archive, with a leading slash' })
  path!: string;

  @ApiProperty({ enum: ENTRY_TYPES, enumName: 'ArchiveEntryType' })
  type!: EntryType;

  @ApiProperty({ description: 'Bytes; for a directory, all regular files below it' })
  size!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null for directories the archive only implies' })
  mtime!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '-rw-r--r--' })
  mode!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Target of a symlink, or the file a hard link shares data with' })
  link_target!: string | null;

  @ApiProperty({ description: 'False when borg check replaced lost chunks of the file with zeros' })
  healthy!: boolean;
}

export class SearchHitDto extends ArchiveEntryDto {
  @ApiProperty()
  archive_name!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  archive_start!: string;
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchHitDto], description: 'Newest archive first, then archive order' })
  hits!: SearchHitDto[];

  @ApiProperty({ description: 'Whether more hits exist than the limit' })
  truncated!: boolean;

  @ApiProperty({ description: 'Archives whose index was searched' })
  searched_archives!: number;

  @ApiProperty({ description: 'Archives without an index (browse one to index it)' })
  unindexed_archives!: number;
}

export class DiffChangeDto {
  @ApiProperty({
    example: 'modified',
    description:
      "borg's change type: added, removed, added directory, removed directory, added link, removed link, changed link, modified, mode, owner, ctime, mtime",
  })
  type!: string;

  @ApiProperty({ type: Number, required: false, description: 'added/removed: size of the file' })
  size?: number;

  @ApiProperty({ type: Number, required: false, description: 'modified: bytes added' })
  added?: number;

  @ApiProperty({ type: Number, required: false, description: 'modified: bytes removed' })
  removed?: number;

  @ApiProperty({ type: String, required: false })
  old_mode?: string;

  @ApiProperty({ type: String, required: false })
  new_mode?: string;

  @ApiProperty({ type: String, required: false })
  old_user?: string;

  @ApiProperty({ type: String, required: false })
  new_user?: string;

  @ApiProperty({ type: String, required: false })
  old_group?: string;

  @ApiProperty({ type: String, required: false })
  new_group?: string;

  @ApiProperty({ type: String, required: false, description: 'ctime/mtime: the old time' })
  old_time?: string;

  @ApiProperty({ type: String, required: false })
  new_time?: string;
}

export class DiffEntryDto {
  @ApiProperty({ example: '/home/user/notes.txt' })
  path!: string;

  @ApiProperty({ type: [DiffChangeDto] })
  changes!: DiffChangeDto[];
}
