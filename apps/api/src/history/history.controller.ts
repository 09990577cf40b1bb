import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors } from '../platform/openapi/api-responses';
import { BackupCalendar } from './calendar/backup-calendar';
import { BackupCalendarDto } from './dto/calendar.dto';
import { RepositoryHistoryDto } from './dto/history.dto';
import { CalendarQueryDto, HistoryQueryDto } from './dto/history-queries.dto';
import { RepositoryHistory } from './repository-history';
import { Requires } from '../auth/roles/requires.decorator';
import { IdPipe } from '../platform/http/id.pipe';

@ApiTags('repositories')
@Controller('repositories/:id')
export class HistoryController {
  constructor(
    private readonly repositoryHistory: RepositoryHistory,
    private readonly backupCalendar: BackupCalendar,
  ) {}

  @Requires('viewer')
  @Get('history')
  @ApiOperation({
    summary:
      'Storage over time: each archive’s sizes (original, compressed, the space it added), file count and duration, oldest first, with the archive count and how far reading the figures of imported archives has come',
  })
  @ApiEnvelope(RepositoryHistoryDto)
  @ApiErrors(400, 404)
  series(@Param('id', IdPipe) id: number, @Query() query: HistoryQueryDto): Promise<RepositoryHistoryDto> {
    return this.repositoryHistory.of(id, query);
  }

  @Requires('viewer')
  @Get('calendar')
  @ApiOperation({ summary: 'The last days (90 by default), each with its archives, failed backups, and whether a backup was missing' })
  @ApiEnvelope(BackupCalendarDto)
  @ApiErrors(400, 404)
  calendar(@Param('id', IdPipe) id: number, @Query() query: CalendarQueryDto): Promise<BackupCalendarDto> {
    return this.backupCalendar.of(id, query.days, query.time_zone);
  }
}
