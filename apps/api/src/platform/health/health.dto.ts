import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty()
  ok!: boolean;

  @ApiPropertyOptional({ example: '1.2.4' })
  version?: string;

  @ApiPropertyOptional({ example: 'borg was not found' })
  error?: string;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unhealthy'] })
  status!: 'ok' | 'unhealthy';

  @ApiProperty({ example: '0.1.0' })
  version!: string;

  @ApiProperty({ type: HealthCheckDto })
  database!: HealthCheckDto;

  @ApiProperty({ type: HealthCheckDto })
  borg!: HealthCheckDto;

  @ApiProperty({ type: HealthCheckDto, description: 'Only cloud sync needs rclone: without it the server is still healthy' })
  rclone!: HealthCheckDto;

  @ApiProperty({ type: HealthCheckDto, description: 'Only notifications through Apprise need it: without it the server is still healthy' })
  apprise!: HealthCheckDto;
}
