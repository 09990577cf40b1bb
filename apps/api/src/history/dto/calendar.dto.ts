import { ApiProperty } from '@nestjs/swagger';
import { CalendarDayState } from '../calendar/calendar-days';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-11-03', description: 'The day, in the calendar’s time zone' })
  date!: string;

  @ApiProperty({
    enum: ['completed', 'failed', 'missing', 'none'],
    enumName: 'CalendarDayState',
    description:
      'completed: an archive was made; failed: none was, and a backup failed; missing: neither, although one was expected (an enabled schedule had a run due, or the newest archive grew older than max_age_hours); none: nothing was expected',
  })
  state!: CalendarDayState;

  @ApiProperty({ description: 'Archives started that day, whoever made them', example: 1 })
  archives!: number;

  @ApiProperty({ description: 'Backup jobs that failed or were interrupted that day', example: 0 })
  failed!: number;

  @ApiProperty({ description: 'A backup was expected that day' })
  expected!: boolean;
}

export class CalendarTotalsDto {
  @ApiProperty()
  completed!: number;

  @ApiProperty()
  failed!: number;

  @ApiProperty()
  missing!: number;
}

export class BackupCalendarDto {
  @ApiProperty({ example: 'Europe/Berlin' })
  time_zone!: string;

  @ApiProperty({ type: [CalendarDayDto], description: 'Oldest first; today last' })
  days!: CalendarDayDto[];

  @ApiProperty({ type: CalendarTotalsDto, description: 'How many days are in each state' })
  totals!: CalendarTotalsDto;
}
