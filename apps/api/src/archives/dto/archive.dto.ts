import { ApiProperty } from '@nestjs/swagger';

export class ArchiveDto {
  @ApiProperty({ example: 'documents-20261126-020000' })
  name!: string;

  @ApiProperty({ description: "borg's archive id (64 hex digits)" })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  start!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  end!: string | null;

  @ApiProperty({ type: String, nullable: true })
  hostname!: string | null;

  @ApiProperty({ type: String, nullable: true })
  username!: string | null;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Files in the archive; null until known (backup result or details)' })
  file_count!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Bytes before compression and deduplication' })
  original_size!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  compressed_size!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Bytes only this archive uses; changes as other archives go' })
  deduplicated_size!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  duration_seconds!: number | null;

  @ApiProperty({ description: 'Whether a browse index of the archive is ready' })
  indexed!: boolean;
}

export class ArchiveDetailsDto extends ArchiveDto {
  @ApiProperty({ type: [String], description: 'The borg command line that made the archive' })
  command_line!: string[];
}

export const INDEX_STATES = ['none', 'building', 'ready', 'failed'] as const;

export class ArchiveIndexStatusDto {
  @ApiProperty({ enum: INDEX_STATES, enumName: 'ArchiveIndexState' })
  state!: (typeof INDEX_STATES)[number];

  @ApiProperty({ description: 'Entries indexed so far (building) or in all (ready)' })
  entries!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Entries expected, when the archive size is known' })
  expected_entries!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Rough progress of a build, 0–99' })
  percent!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Size of the index on disk (ready)' })
  bytes!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the last build failed' })
  error!: string | null;
}
