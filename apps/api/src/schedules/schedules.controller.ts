import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobDto } from '../jobs/dto/job.dto';
import { Page } from '../platform/http/envelope';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { ScheduleListQueryDto } from './dto/schedule-list-query.dto';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { ScheduleDto, ScheduleInputDto, ScheduleUpdateDto } from './dto/schedule.dto';
import { ScheduleBulkDto } from './dto/schedule-bulk.dto';
import { ApiBulkResponses } from '../platform/bulk/api-bulk-responses';
import { bulkStatus } from '../platform/bulk/bulk-outcomes';
import { BulkResultDto } from '../platform/bulk/bulk-result.dto';
import { SchedulesService } from './schedules.service';
import { CurrentPrincipal, Principal } from '../auth/authenticated-request';
import { Requires } from '../auth/roles/requires.decorator';
import { IdPipe } from '../platform/http/id.pipe';

@ApiTags('schedules')
@Controller('schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({ summary: 'List schedules with their next run and last run' })
  @ApiEnvelope(ScheduleDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: ScheduleListQueryDto): Promise<Page<ScheduleDto>> {
    return this.schedules.list(query);
  }

  @Requires('operator')
  @Post()
  @SuccessMessage('Schedule created')
  @ApiOperation({ summary: 'Create a schedule; it runs on its own from now on when enabled' })
  @ApiEnvelope(ScheduleDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: ScheduleInputDto, @CurrentPrincipal() principal: Principal): Promise<ScheduleDto> {
    return this.schedules.create(body, principal.role);
  }

  @Requires('operator')
  @Post('bulk')
  @SuccessMessage('Bulk operation done')
  @ApiOperation({
    summary: 'Enable, disable, run or delete several schedules (at most 500): each on its own; 207 when any failed',
  })
  @ApiBulkResponses()
  @ApiErrors(400, 422)
  async bulk(@Body() body: ScheduleBulkDto, @Res({ passthrough: true }) res: Response): Promise<BulkResultDto> {
    const result = await this.schedules.bulk(body.action, body.ids);
    res.status(bulkStatus(result));
    return result;
  }

  @Requires('viewer')
  @Get(':id')
  @ApiOperation({ summary: 'One schedule' })
  @ApiEnvelope(ScheduleDto)
  @ApiErrors(400, 404)
  get(@Param('id', IdPipe) id: number): Promise<ScheduleDto> {
    return this.schedules.get(id);
  }

  @Requires('operator')
  @Put(':id')
  @SuccessMessage('Schedule updated')
  @ApiOperation({ summary: 'Change a schedule; its timer follows at once' })
  @ApiEnvelope(ScheduleDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', IdPipe) id: number, @Body() body: ScheduleUpdateDto, @CurrentPrincipal() principal: Principal): Promise<ScheduleDto> {
    return this.schedules.update(id, body, principal.role);
  }

  @Requires('operator')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a schedule (its past runs stay in the job history)' })
  @ApiNoContent()
  @ApiErrors(400, 404)
  remove(@Param('id', IdPipe) id: number): Promise<void> {
    return this.schedules.remove(id);
  }

  @Requires('operator')
  @Post(':id/toggle')
  @HttpCode(200)
  @SuccessMessage('Schedule toggled')
  @ApiOperation({ summary: 'Enable a disabled schedule or disable an enabled one' })
  @ApiEnvelope(ScheduleDto)
  @ApiErrors(400, 404)
  toggle(@Param('id', IdPipe) id: number): Promise<ScheduleDto> {
    return this.schedules.toggle(id);
  }

  @Requires('operator')
  @Post(':id/run')
  @SuccessMessage('Run started')
  @ApiOperation({ summary: 'Run the schedule now (a job), enabled or not; 409 while an earlier run is queued or running' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 409)
  run(@Param('id', IdPipe) id: number): Promise<JobDto> {
    return this.schedules.runNow(id);
  }

  @Requires('viewer')
  @Get(':id/runs')
  @ApiOperation({ summary: "The schedule's runs (jobs), newest first" })
  @ApiEnvelope(JobDto, { paginated: true })
  @ApiErrors(400, 404)
  runs(@Param('id', IdPipe) id: number, @Query() query: PageQueryDto): Promise<Page<JobDto>> {
    return this.schedules.runsOf(id, query);
  }
}
