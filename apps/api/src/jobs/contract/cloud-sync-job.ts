import { ApiProperty } from '@nestjs/swagger';
import { SYNC_MODES, SyncMode } from '../../cloud-sync/cloud-sync-config.entity';
import { PROVIDER_NAMES, ProviderName } from '../../cloud-sync/providers/provider';

/** The configuration, by id and by its name at the time; its settings are read when the step runs. */
export class CloudSyncParametersDto {
  @ApiProperty()
  cloud_sync_config_id!: number;

  @ApiProperty()
  config_name!: string;
}

/** What rclone did, by its own figures. */
export class CloudSyncResultDto {
  @ApiProperty()
  config_name!: string;

  @ApiProperty({ enum: PROVIDER_NAMES, enumName: 'CloudProviderName' })
  provider!: ProviderName;

  @ApiProperty({ enum: SYNC_MODES, enumName: 'CloudSyncMode' })
  mode!: SyncMode;

  @ApiProperty({ example: 's3://bucket/borg/documents' })
  remote_path!: string;

  @ApiProperty()
  bytes_transferred!: number;

  @ApiProperty()
  files_transferred!: number;

  @ApiProperty()
  files_checked!: number;

  @ApiProperty()
  files_deleted!: number;

  @ApiProperty()
  duration_seconds!: number;
}
