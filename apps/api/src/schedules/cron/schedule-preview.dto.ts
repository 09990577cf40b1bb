import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SchedulePreviewQueryDto {
  @ApiProperty({ example: '0 2 * * *', description: 'minute hour day-of-month month day-of-week' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  cron_expression!: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: "IANA time zone; default the server's" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
}

export class SchedulePreviewDto {
  @ApiProperty({ example: '0 2 * * *' })
  cron_expression!: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ example: 'At 02:00' })
  description!: string;

  @ApiProperty({
    type: [String],
    example: ['2026-11-27T02:00:00.000+01:00'],
    description: 'The next 5 runs, with the zone’s offset; fewer if 8 years hold fewer',
  })
  next_runs!: string[];
}
