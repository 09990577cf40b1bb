import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../platform/errors/domain-error';
import { ApiEnvelope, ApiErrors } from '../../platform/openapi/api-responses';
import { describeCron, nextRuns, parseCron, serverTimeZone } from './cron-schedule';
import { SchedulePreviewDto, SchedulePreviewQueryDto } from './schedule-preview.dto';
import { Requires } from '../../auth/roles/requires.decorator';

const PREVIEW_RUNS = 5;

@ApiTags('schedules')
@Controller('schedules')
export class SchedulePreviewController {
  @Requires('viewer')
  @Get('preview')
  @ApiOperation({
    summary: 'The next 5 runs of a cron expression in a time zone, and the schedule in words (for the form); 422 for one that never fires',
  })
  @ApiEnvelope(SchedulePreviewDto)
  @ApiErrors(400, 422)
  preview(@Query() query: SchedulePreviewQueryDto): SchedulePreviewDto {
    const timezone = query.timezone || serverTimeZone();
    const parsed = parseCron(query.cron_expression, timezone);
    if (!parsed.ok) throw DomainError.invalidInput({ [parsed.field]: [parsed.reason] });
    return {
      cron_expression: query.cron_expression.trim(),
      timezone,
      description: describeCron(query.cron_expression.trim()),
      next_runs: nextRuns(parsed.cron, timezone, PREVIEW_RUNS),
    };
  }
}
