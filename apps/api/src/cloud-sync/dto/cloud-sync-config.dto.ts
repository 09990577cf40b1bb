import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { JOB_STATUSES, JobStatus } from '@borgitory/job-states';
import { SYNC_MODES, SyncMode } from '../cloud-sync-config.entity';
import { PROVIDER_NAMES, ProviderName } from '../providers/provider';

/** The body of POST. */
export class CloudSyncConfigInputDto {
  @ApiProperty({ example: 'My S3 Backup', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: PROVIDER_NAMES, enumName: 'CloudProviderName', example: 's3' })
  @IsIn(PROVIDER_NAMES)
  provider!: ProviderName;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      access_key_id: 'AKIAIOSFODNN7EXAMPLE',
      secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      bucket_name: 'my-backup-bucket',
      region: 'us-east-1',
    },
    description: 'The fields GET /api/v1/cloud-sync/providers lists for the provider',
  })
  @IsObject()
  provider_config!: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 'borgitory-backups/',
    default: '',
    description: 'Below the bucket or folder; each repository gets a folder of its own under it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  @Matches(/^(?!.*(^|\/)\.\.?(\/|$))[^\0\n\r\\]*$/, {
    message: 'path_prefix cannot contain "." or ".." segments, backslashes or line breaks',
  })
  path_prefix?: string;

  @ApiPropertyOptional({
    enum: SYNC_MODES,
    enumName: 'CloudSyncMode',
    default: 'copy',
    description:
      'copy never deletes on the remote (an off-site copy a damaged or encrypted local repository cannot take with it); sync mirrors, deleting there what is gone here',
  })
  @IsOptional()
  @IsIn(SYNC_MODES)
  mode?: SyncMode;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '10M',
    description: 'Bytes per second with a suffix B, K, M or G (rclone --bwlimit); null: no limit',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d+(\.\d+)?[BKMG]?$/i, {
    message: 'bandwidth_limit is a number of bytes per second with an optional suffix B, K, M or G, e.g. 10M',
  })
  bandwidth_limit?: string | null;
}

/** The body of PUT: the fields to change; those left out keep their values, and so does a secret left out of provider_config ("" removes it). */
export class CloudSyncConfigUpdateDto extends PartialType(CloudSyncConfigInputDto) {}

export class LastSyncDto {
  @ApiProperty({ example: 42 })
  job_id!: number;

  @ApiProperty({ enum: JOB_STATUSES, enumName: 'JobStatus' })
  status!: JobStatus;

  @ApiProperty({ format: 'date-time' })
  finished_at!: string;
}

export class CloudSyncConfigDto {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'My S3 Backup' })
  name!: string;

  @ApiProperty({ enum: PROVIDER_NAMES, enumName: 'CloudProviderName' })
  provider!: ProviderName;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The fields that are not secret' })
  provider_config!: Record<string, string | number | boolean>;

  @ApiProperty({ type: [String], example: ['secret_access_key'], description: 'Secret fields that have a value (never shown)' })
  secrets_set!: string[];

  @ApiProperty({ example: 'borgitory-backups' })
  path_prefix!: string;

  @ApiProperty({ enum: SYNC_MODES, enumName: 'CloudSyncMode' })
  mode!: SyncMode;

  @ApiProperty({ type: String, nullable: true, example: '10M' })
  bandwidth_limit!: string | null;

  @ApiProperty({ type: LastSyncDto, nullable: true, description: 'The last sync to this configuration that ended' })
  last_sync!: LastSyncDto | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}
