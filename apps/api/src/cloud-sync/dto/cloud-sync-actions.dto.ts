import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { JobErrorDto } from '../../jobs/dto/job.dto';
import { SYNC_MODES, SyncMode } from '../cloud-sync-config.entity';

export class CloudSyncRequestDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  repository_id!: number;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  cloud_sync_config_id!: number;
}

/** The repository a configuration's action (sync, verify) is about. */
export class CloudSyncRepositoryDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  repository_id!: number;
}

export class ConnectionTestStepDto {
  @ApiProperty({ enum: ['write', 'read', 'delete', 'list'], example: 'write' })
  step!: string;

  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ example: 120 })
  duration_ms!: number;
}

export class ConnectionTestDto {
  @ApiProperty({ description: 'rclone could write, read back, delete and list a small test object' })
  ok!: boolean;

  @ApiProperty({ example: 'target:my-backup-bucket/borgitory-backups' })
  remote_path!: string;

  @ApiProperty({ type: [ConnectionTestStepDto], description: 'The steps tried, in order, up to the one that failed' })
  steps!: ConnectionTestStepDto[];

  @ApiProperty({ type: JobErrorDto, nullable: true })
  error!: JobErrorDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'SFTP: the host key seen and stored at this first connection' })
  host_key_learned!: string | null;
}

export class VerifyExampleDto {
  @ApiProperty({ example: 'data/0/17' })
  path!: string;

  @ApiProperty({ enum: ['differs', 'missing_on_remote', 'missing_locally', 'error'] })
  problem!: string;
}

export class CloudVerifyResultDto {
  @ApiProperty({ description: 'The remote holds the repository as it is here' })
  in_sync!: boolean;

  @ApiProperty({ example: 'target:my-backup-bucket/borgitory-backups/documents' })
  remote_path!: string;

  @ApiProperty({ enum: SYNC_MODES, enumName: 'CloudSyncMode', description: 'copy: files only on the remote are expected and not counted' })
  mode!: SyncMode;

  @ApiProperty({ example: 'md5', description: 'A hash both sides have, or "size" when they share none' })
  compared_by!: string;

  @ApiProperty()
  matching!: number;

  @ApiProperty()
  differing!: number;

  @ApiProperty()
  missing_on_remote!: number;

  @ApiProperty()
  missing_locally!: number;

  @ApiProperty()
  errors!: number;

  @ApiProperty({ type: [VerifyExampleDto], description: 'Up to 20 files that are not the same' })
  examples!: VerifyExampleDto[];
}
