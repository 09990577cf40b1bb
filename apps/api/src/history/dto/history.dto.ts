import { ApiProperty } from '@nestjs/swagger';

export class ArchiveHistoryPointDto {
  @ApiProperty({ format: 'date-time', description: 'When the archive was started' })
  time!: string;

  @ApiProperty({ example: 'docs-2026-11-03' })
  name!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Bytes of the files backed up; null until read (see backfill)' })
  original_size!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The same after compression' })
  compressed_size!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "The space the archive added to the repository: borg's deduplicated size when the archive was made here, or, for archives read later with borg info, what only that archive holds",
  })
  deduplicated_size!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  file_count!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: "borg's duration of the backup, in seconds" })
  duration_seconds!: number | null;
}

export class HistoryBackfillDto {
  @ApiProperty({ description: 'Archives whose figures are stored', example: 18 })
  done!: number;

  @ApiProperty({ description: 'Archives of the repository', example: 24 })
  total!: number;
}

export class RepositoryHistoryDto {
  @ApiProperty({ description: 'Archives of the repository (all of them, whatever since and limit are)', example: 24 })
  archive_count!: number;

  @ApiProperty({
    type: HistoryBackfillDto,
    description:
      'Figures of archives no backup here reported (an imported repository, archives made elsewhere) are read in the background, one borg info at a time; done < total while that goes on',
  })
  backfill!: HistoryBackfillDto;

  @ApiProperty({ type: [ArchiveHistoryPointDto], description: 'Oldest first: the newest `limit` archives started at or after `since`' })
  points!: ArchiveHistoryPointDto[];

  @ApiProperty({ description: 'More archives matched than limit: the oldest of them are left out' })
  truncated!: boolean;
}
