import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Page } from '../platform/http/envelope';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors } from '../platform/openapi/api-responses';
import { AcknowledgedJobsDto, AcknowledgeJobsDto } from './dto/job-acknowledge.dto';
import { JobBulkDto } from './dto/job-bulk.dto';
import { ApiBulkResponses } from '../platform/bulk/api-bulk-responses';
import { bulkStatus } from '../platform/bulk/bulk-outcomes';
import { BulkResultDto } from '../platform/bulk/bulk-result.dto';
import { JobLogPageDto } from './dto/job-log.dto';
import { JobListQueryDto, JobLogQueryDto } from './dto/job-query.dto';
import { JobDto } from './dto/job.dto';
import { JobStreamsService } from './streams/job-streams.service';
import { ApiEnvelopeOrText, ApiEventStream, ApiJsonErrors } from './jobs-openapi';
import { JobsService } from './jobs.service';
import { Requires } from '../auth/roles/requires.decorator';
import { IdPipe } from '../platform/http/id.pipe';

const JOB_STREAM_EVENTS =
  'Server-Sent Events: `status` (JobDto), `progress` (JobProgressDto), `log` ({offset, time, level, message}; ' +
  'its id is the byte offset after the line, so Last-Event-ID resumes the log), and a final `done` (JobDto), ' +
  'after which the server ends the stream (close the EventSource then). A `: keep-alive` comment comes every 15 s.';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly streams: JobStreamsService,
  ) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({ summary: 'List jobs, newest first' })
  @ApiEnvelope(JobDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: JobListQueryDto): Promise<Page<JobDto>> {
    return this.jobs.list(query);
  }

  // Declared before :id so that "stream" is not taken for a job id.
  @Requires('viewer')
  @Get('stream')
  @ApiOperation({ summary: 'Status changes of every job as Server-Sent Events (`status` events with the JobDto); never ends' })
  @ApiProduces('text/event-stream')
  @ApiEventStream('An endless event stream')
  streamAll(@Res() response: Response): void {
    this.streams.streamAll(response);
  }

  @Requires('viewer')
  @Get(':id')
  @ApiOperation({ summary: 'One job with its steps, progress, result, warnings and error' })
  @ApiEnvelope(JobDto)
  @ApiErrors(400, 404)
  get(@Param('id', IdPipe) id: number): Promise<JobDto> {
    return this.jobs.get(id);
  }

  @Requires('operator')
  @Post(':id/cancel')
  @HttpCode(200)
  @SuccessMessage('Job cancelled')
  @ApiOperation({ summary: 'Cancel a queued job (it never runs) or a running one (its borg is stopped)' })
  @ApiEnvelope(JobDto)
  @ApiErrors(400, 404, 409)
  cancel(@Param('id', IdPipe) id: number): Promise<JobDto> {
    return this.jobs.cancel(id);
  }

  @Requires('operator')
  @Post(':id/retry')
  @SuccessMessage('Job queued again')
  @ApiOperation({ summary: 'Run a failed, cancelled or interrupted job again, as a new job linked by retry_of_id' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 409)
  retry(@Param('id', IdPipe) id: number): Promise<JobDto> {
    return this.jobs.retry(id);
  }

  @Requires('operator')
  @Post('bulk')
  @SuccessMessage('Bulk operation done')
  @ApiOperation({
    summary: 'Cancel or retry several jobs (at most 500): each succeeds or fails on its own; 207 when any failed',
  })
  @ApiBulkResponses()
  @ApiErrors(400, 422)
  async bulk(@Body() body: JobBulkDto, @Res({ passthrough: true }) res: Response): Promise<BulkResultDto> {
    const result = await this.jobs.bulk(body.action, body.ids);
    res.status(bulkStatus(result));
    return result;
  }

  @Requires('operator')
  @Post('acknowledge')
  @HttpCode(200)
  @SuccessMessage('Failures acknowledged')
  @ApiOperation({ summary: "Acknowledge every failed or warning job not acknowledged yet (or one repository's, with repository_id)" })
  @ApiEnvelope(AcknowledgedJobsDto)
  @ApiErrors(400, 422)
  acknowledgeAll(@Body() body: AcknowledgeJobsDto): Promise<AcknowledgedJobsDto> {
    return this.jobs.acknowledgeAll(body.repository_id);
  }

  @Requires('operator')
  @Post(':id/acknowledge')
  @HttpCode(200)
  @SuccessMessage('Job acknowledged')
  @ApiOperation({ summary: 'Acknowledge a failed or warning job: it no longer counts as a problem on the dashboard' })
  @ApiEnvelope(JobDto)
  @ApiErrors(400, 404, 409)
  acknowledge(@Param('id', IdPipe) id: number): Promise<JobDto> {
    return this.jobs.acknowledge(id);
  }

  @Requires('viewer')
  @Get(':id/logs')
  @ApiOperation({ summary: 'A page of the job log from a byte offset; ?format=text gives the whole log as text/plain' })
  @ApiProduces('application/json', 'text/plain')
  @ApiEnvelopeOrText(JobLogPageDto, 'Log lines (JSON), or the whole log (text/plain)')
  @ApiJsonErrors(400, 404)
  logs(@Param('id', IdPipe) id: number, @Query() query: JobLogQueryDto): Promise<JobLogPageDto | StreamableFile> {
    return query.format === 'text' ? this.jobs.logText(id) : this.jobs.logPage(id, query);
  }

  @Requires('viewer')
  @Get(':id/stream')
  @ApiOperation({ summary: "A job's status, progress and log as Server-Sent Events" })
  @ApiProduces('text/event-stream')
  @ApiEventStream(JOB_STREAM_EVENTS)
  @ApiJsonErrors(400, 404)
  stream(
    @Param('id', IdPipe) id: number,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    return this.streams.streamJob(id, lastEventId, response);
  }
}
