import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RestoreParametersDto {
  @ApiProperty()
  archive_name!: string;

  @ApiProperty({
    type: [String],
    description: 'Archive paths without their leading slash (surrogate-escaped); none: the whole archive',
  })
  paths!: string[];

  @ApiProperty({ example: '/srv/restore' })
  destination!: string;

  @ApiProperty()
  strip_components!: number;

  @ApiProperty()
  overwrite!: boolean;

  @ApiPropertyOptional({ description: 'A restore onto a host (pull mode): which one; destination is on it' })
  host_id?: number;

  @ApiPropertyOptional({ description: 'A restore onto a host: its name when the restore was asked for' })
  host_name?: string;
}

export class RestoreResultDto {
  @ApiProperty()
  archive_name!: string;

  @ApiProperty()
  destination!: string;

  @ApiProperty({ description: 'How many paths were asked for (0: the whole archive)' })
  path_count!: number;
}
