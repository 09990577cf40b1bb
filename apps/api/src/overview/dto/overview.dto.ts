import { ApiProperty } from '@nestjs/swagger';
import { JobBriefDto } from '../../jobs/dto/job-brief.dto';
import { JobDto } from '../../jobs/dto/job.dto';
import { REPOSITORY_HEALTHS, RepositoryHealth } from '../repository-health';

export class NextRunDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 3 })
  schedule_id!: number;

  @ApiProperty({ example: 'Nightly' })
  schedule_name!: string;
}

export class UnacknowledgedFailuresDto {
  @ApiProperty({ description: 'Failed and warning jobs of the repository nobody has acknowledged', example: 2 })
  count!: number;

  @ApiProperty({ example: 1 })
  failed!: number;

  @ApiProperty({ example: 1 })
  warning!: number;

  @ApiProperty({ type: JobBriefDto, nullable: true, description: 'The newest of them' })
  newest!: JobBriefDto | null;
}

export class RepositoryOverviewDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'Documents' })
  name!: string;

  @ApiProperty({
    enum: REPOSITORY_HEALTHS,
    enumName: 'RepositoryHealth',
    description:
      'failed: a failed job not acknowledged, or its archive list could not be read; overdue: no archive as recent as expected; ' +
      'warning: a job with warnings not acknowledged, low space, or no archive yet; healthy: none of these',
  })
  health!: RepositoryHealth;

  @ApiProperty({ type: [String], description: 'Every finding behind the verdict, worst first, in words; empty when healthy' })
  health_reasons!: string[];

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Start of the newest archive in the stored list' })
  newest_archive_at!: string | null;

  @ApiProperty({ type: JobBriefDto, nullable: true, description: 'The newest finished backup job (a scheduled run is one too)' })
  last_backup!: JobBriefDto | null;

  @ApiProperty({ description: 'As of the repository monitor’s last check' })
  overdue!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  overdue_since!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'By when a newer archive is expected' })
  archive_expected_by!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What is expected, in words; null when nothing is' })
  expectation!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  max_age_hours!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  unreachable_since!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  low_space_since!: string | null;

  @ApiProperty({ type: NextRunDto, nullable: true, description: 'The earliest next run of its enabled schedules' })
  next_run!: NextRunDto | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Archives in the stored list (or from borg’s last answer, before the list is read)',
  })
  archives_count!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Bytes of all archives before compression and deduplication' })
  original_size!: number | null;

  @ApiProperty({
    type: [Number],
    example: [1_200_000, 1_250_000, 1_310_000],
    description: 'The original size of each of the newest archives (up to 30, oldest first) whose figures are known',
  })
  size_trend!: number[];

  @ApiProperty({ type: Number, nullable: true })
  compressed_size!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Bytes the repository really uses' })
  deduplicated_size!: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the sizes were last read from borg' })
  stats_updated_at!: string | null;

  @ApiProperty({ type: UnacknowledgedFailuresDto })
  unacknowledged_failures!: UnacknowledgedFailuresDto;
}

export class OverviewTotalsDto {
  @ApiProperty()
  repositories!: number;

  @ApiProperty({ description: 'Repositories whose health is failed' })
  failed!: number;

  @ApiProperty()
  overdue!: number;

  @ApiProperty()
  warning!: number;

  @ApiProperty()
  healthy!: number;

  @ApiProperty({ description: 'Archives of all repositories (those whose count is known)' })
  archives!: number;

  @ApiProperty({ description: 'Bytes of all archives before compression and deduplication' })
  original_size!: number;

  @ApiProperty({ description: 'Bytes all repositories really use' })
  deduplicated_size!: number;

  @ApiProperty({ description: 'Failed and warning jobs nobody has acknowledged' })
  unacknowledged_failures!: number;

  @ApiProperty()
  running_jobs!: number;

  @ApiProperty({ description: 'Jobs waiting for their turn' })
  queued_jobs!: number;
}

export class HostOverviewDto {
  @ApiProperty({ example: 2 })
  id!: number;

  @ApiProperty({ example: 'laptop' })
  name!: string;

  @ApiProperty({ example: 'ssh://backup@laptop.local:22' })
  address!: string;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Whether its last connection test found everything pull mode needs; null: never tested',
  })
  reachable!: boolean | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  last_test_at!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What the last test found wrong; null when nothing' })
  last_test_message!: string | null;

  @ApiProperty({ type: JobBriefDto, nullable: true, description: 'Its newest finished backup' })
  last_backup!: JobBriefDto | null;
}

export class OverviewDto {
  @ApiProperty({ type: [RepositoryOverviewDto], description: 'Worst first: failed, overdue, warning, healthy; by name within each' })
  repositories!: RepositoryOverviewDto[];

  @ApiProperty({ type: OverviewTotalsDto })
  totals!: OverviewTotalsDto;

  @ApiProperty({ type: 'array', items: JobDto.ref, description: 'Oldest first, with their latest progress' })
  running_jobs!: JobDto[];

  @ApiProperty({
    type: [HostOverviewDto],
    description: 'The hosts backed up in pull mode, by name, with their reachability and newest backup',
  })
  hosts!: HostOverviewDto[];

  @ApiProperty({ format: 'date-time' })
  generated_at!: string;
}
