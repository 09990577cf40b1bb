import { ApiProperty } from '@nestjs/swagger';
import { ENCRYPTION_MODES, HOST_KEY_POLICIES } from './repository-input.dto';

export class RepositoryDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'My Backup Repo' })
  name!: string;

  @ApiProperty({ example: '/mnt/repos/my-backup-repo' })
  path!: string;

  @ApiProperty({ enum: ENCRYPTION_MODES })
  encryption!: string;

  @ApiProperty({ description: 'Whether a passphrase is stored (it is never returned)' })
  has_passphrase!: boolean;

  @ApiProperty({ description: 'True for ssh repositories' })
  is_remote!: boolean;

  @ApiProperty({
    enum: ['server', 'custom'],
    nullable: true,
    description: "ssh repositories: Borgitory's own key or a private key given by the user",
  })
  ssh_key_source!: 'server' | 'custom' | null;

  @ApiProperty({ enum: HOST_KEY_POLICIES })
  ssh_host_key_policy!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'From the last test/info; null until then' })
  archives_count!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Bytes of all archives before compression and deduplication' })
  original_size!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  compressed_size!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Bytes the repository really uses on disk' })
  deduplicated_size!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Time of the newest archive' })
  last_archive_at!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the figures above were read from borg' })
  stats_updated_at!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'An archive is expected at least this often (hours); null: none set' })
  max_age_hours!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Start of the newest archive in the stored archive list; null when it has none (or was never read)',
  })
  newest_archive_at!: string | null;

  @ApiProperty({ description: 'The newest archive is older than expected (by max_age_hours or an enabled schedule), as of the last check' })
  overdue!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the unmet expectation was due; null while not overdue',
  })
  overdue_since!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'By when a newer archive is expected (in the past while overdue); null when nothing is expected',
  })
  archive_expected_by!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'An archive at least every 26 hours; one after each run of schedule "Nightly" (At 02:00), within 1 hour',
    description: 'What is expected, in words; null when nothing is',
  })
  expectation!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Since when its archive list cannot be read; null while it can',
  })
  unreachable_since!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Local repositories: since when their file system is low on space; null while it is not',
  })
  low_space_since!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}
