import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { BackupSourceDto } from '../../backups/dto/backup-source.dto';
import { JobSummaryDto } from '../../jobs/dto/job.dto';
import { PreHookDto, ScheduleHookDto, ScheduleHookViewDto } from './schedule-hook.dto';
import { SchemaRules } from '../../platform/openapi/schema-rules.decorator';

const MAX_HOOKS = 20;

/** The body of POST (fields left out take their defaults). */
export class ScheduleInputDto extends BackupSourceDto {
  @ApiProperty({ example: 'Daily Documents Backup', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  repository_id!: number;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 2,
    description:
      "Back up a host instead of this server (borg's pull mode, see docs/hosts.md): source paths are on the host, and the repository must be on this server; null or left out: this server",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  host_id?: number | null;

  @ApiProperty({ example: '0 2 * * *', description: 'minute hour day-of-month month day-of-week' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  cron_expression!: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Europe/Berlin',
    nullable: true,
    description: "IANA time zone the cron expression is read in; null or left out: the server's",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 1, description: 'Prune (and compact) after the backup' })
  @IsOptional()
  @IsInt()
  @Min(1)
  pruning_policy_id?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'borg check after pruning' })
  @IsOptional()
  @IsInt()
  @Min(1)
  check_policy_id?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Copy the repository off-site at the end' })
  @IsOptional()
  @IsInt()
  @Min(1)
  cloud_sync_config_id?: number | null;

  @ApiPropertyOptional({ type: [PreHookDto], description: 'Run in order before the backup' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOOKS)
  @ValidateNested({ each: true })
  @Type(() => PreHookDto)
  pre_hooks?: PreHookDto[];

  @ApiPropertyOptional({ type: [ScheduleHookDto], description: 'Run in order at the end' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOOKS)
  @ValidateNested({ each: true })
  @Type(() => ScheduleHookDto)
  post_hooks?: ScheduleHookDto[];

  @ApiPropertyOptional({ default: false, description: 'At start-up, run once if a run came due while the server was down' })
  @IsOptional()
  @IsBoolean()
  catch_up?: boolean;
}

/** The body of PUT: the fields to change; those left out keep their values. */
@SchemaRules({ not: { required: ['source_path', 'source_paths'] } })
export class ScheduleUpdateDto extends PartialType(ScheduleInputDto) {}

export class ScheduleDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'Daily Documents Backup' })
  name!: string;

  @ApiProperty({ example: 1 })
  repository_id!: number;

  @ApiProperty({ type: Number, nullable: true, example: null, description: 'The host backed up in pull mode; null: this server' })
  host_id!: number | null;

  @ApiProperty({ example: '/mnt/backup/sources/documents', description: 'The first of source_paths' })
  source_path!: string;

  @ApiProperty({ type: [String], example: ['/mnt/backup/sources/documents'] })
  source_paths!: string[];

  @ApiProperty({ example: '{hostname}-{now:%Y-%m-%dT%H:%M:%S}' })
  archive_name!: string;

  @ApiProperty({ example: 'lz4' })
  compression!: string;

  @ApiProperty({ type: [String] })
  exclude_patterns!: string[];

  @ApiProperty()
  one_file_system!: boolean;

  @ApiProperty({ example: '0 2 * * *' })
  cron_expression!: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ example: 'At 02:00', description: 'The cron expression in words' })
  description!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'The cron expression "0 0 30 2 *" cannot be used (never fires: 30 February does not exist)',
    description:
      'Why Borgitory switched the schedule off: its timer could not be set (stored by an older version or edited by hand). Null otherwise; saving the schedule with a valid expression clears it',
  })
  disabled_reason!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: "With the zone's offset; null while disabled" })
  next_run_at!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  pruning_policy_id!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  check_policy_id!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  cloud_sync_config_id!: number | null;

  @ApiProperty({ type: [ScheduleHookViewDto] })
  pre_hooks!: ScheduleHookViewDto[];

  @ApiProperty({ type: [ScheduleHookViewDto] })
  post_hooks!: ScheduleHookViewDto[];

  @ApiProperty()
  catch_up!: boolean;

  @ApiProperty({ type: JobSummaryDto, nullable: true, description: 'The newest run (a job), whatever started it' })
  last_run!: JobSummaryDto | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}
