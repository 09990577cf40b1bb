import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What a backup job was asked to do (never secrets); a scheduled run also names its schedule. */
export class BackupParametersDto {
  @ApiProperty({ type: [String], example: ['/home/user/documents'] })
  source_paths!: string[];

  @ApiProperty({ example: 'documents-2026-12-05T03:00:00', description: 'The name as given, placeholders and all' })
  archive_name!: string;

  @ApiProperty({ example: 'lz4' })
  compression!: string;

  @ApiProperty({ type: [String], example: ['*.tmp'] })
  exclude_patterns!: string[];

  @ApiProperty()
  dry_run!: boolean;

  @ApiProperty()
  one_file_system!: boolean;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiPropertyOptional({ description: 'Runs of a schedule: which one' })
  schedule_id?: number;

  @ApiPropertyOptional({ description: 'Runs of a schedule: its name when the run started' })
  schedule_name?: string;

  @ApiPropertyOptional({ description: "A backup of a host (borg's pull mode): which one; source_paths are on it" })
  host_id?: number;

  @ApiPropertyOptional({ description: 'A backup of a host: its name when the backup was asked for' })
  host_name?: string;
}

/** What a backup made: the archive and borg's figures for it. */
export class BackupResultDto {
  @ApiProperty({ example: 'documents-2026-12-05T03:00:00' })
  archive_name!: string;

  @ApiProperty({ description: "borg's id of the archive (hex)" })
  archive_id!: string;

  @ApiProperty()
  files!: number;

  @ApiProperty()
  original_size!: number;

  @ApiProperty()
  compressed_size!: number;

  @ApiProperty({ description: 'Bytes this archive added to the repository' })
  deduplicated_size!: number;

  @ApiProperty()
  duration_seconds!: number;
}
