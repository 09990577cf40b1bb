import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsTimeZone, Max, Min } from 'class-validator';
import { QueryInteger } from '../../platform/http/query-integer';

export const MAX_HISTORY_POINTS = 2000;
export const MAX_CALENDAR_DAYS = 366;

export class HistoryQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Only archives started at or after this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'Give the start as a date and time, such as 2026-11-01T00:00:00Z' })
  since?: Date;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_HISTORY_POINTS,
    default: 500,
    description: 'At most this many archives, the newest',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_POINTS)
  limit = 500;
}

export class CalendarQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_CALENDAR_DAYS,
    default: 90,
    description: 'How many days, today included',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_CALENDAR_DAYS)
  days = 90;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: "IANA time zone the days are counted in; default the server's" })
  @IsOptional()
  @IsTimeZone({ message: 'Choose a time zone such as Europe/Berlin' })
  time_zone?: string;
}
