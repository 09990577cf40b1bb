import { ApiProperty } from '@nestjs/swagger';
import { SERVER_SETTING_GROUPS, ServerSettingGroup } from './server-settings';

export class ServerSettingDto {
  @ApiProperty({ example: 'BORGITORY_JOB_RETENTION_DAYS', description: 'The environment variable that sets it' })
  name!: string;

  @ApiProperty({ enum: SERVER_SETTING_GROUPS, example: 'jobs' })
  group!: ServerSettingGroup;

  @ApiProperty({ example: '90', description: 'The value in use; a secret only says whether it is set' })
  value!: string;

  @ApiProperty({ example: 'Finished jobs older than this many days are removed, with their logs' })
  description!: string;
}
