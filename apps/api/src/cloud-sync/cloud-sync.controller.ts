import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JobDto } from '../jobs/dto/job.dto';
import { Page } from '../platform/http/envelope';
import { CloudSyncListQueryDto } from './dto/cloud-sync-list-query.dto';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { CloudSyncConfigsService } from './cloud-sync-configs.service';
import { CloudSyncService } from './cloud-sync.service';
import { CloudProviderDto } from './dto/cloud-provider.dto';
import { CloudSyncConfigDto, CloudSyncConfigInputDto, CloudSyncConfigUpdateDto } from './dto/cloud-sync-config.dto';
import { CloudSyncRequestDto, CloudSyncRepositoryDto, CloudVerifyResultDto, ConnectionTestDto } from './dto/cloud-sync-actions.dto';
import { Requires } from '../auth/roles/requires.decorator';
import { IdPipe } from '../platform/http/id.pipe';
import { Deprecated } from '../platform/versioning/deprecated.decorator';

@ApiTags('cloud-sync')
@Controller('cloud-sync')
export class CloudSyncController {
  constructor(
    private readonly configs: CloudSyncConfigsService,
    private readonly cloudSync: CloudSyncService,
  ) {}

  @Requires('viewer')
  @Get('providers')
  @ApiOperation({ summary: 'The storage providers and the fields of their forms' })
  @ApiEnvelope(CloudProviderDto, { isArray: true })
  providers(): CloudProviderDto[] {
    return this.cloudSync.providers();
  }

  @Requires('viewer')
  @Get('configs')
  @ApiOperation({ summary: 'List cloud sync configurations (secrets never shown)' })
  @ApiEnvelope(CloudSyncConfigDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: CloudSyncListQueryDto): Promise<Page<CloudSyncConfigDto>> {
    return this.configs.list(query);
  }

  @Requires('admin')
  @Post('configs')
  @SuccessMessage('Cloud sync configuration created')
  @ApiOperation({ summary: "Create a cloud sync configuration; provider_config is checked against the provider's fields" })
  @ApiEnvelope(CloudSyncConfigDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: CloudSyncConfigInputDto): Promise<CloudSyncConfigDto> {
    return this.configs.create(body);
  }

  @Requires('viewer')
  @Get('configs/:id')
  @ApiOperation({ summary: 'One cloud sync configuration' })
  @ApiEnvelope(CloudSyncConfigDto)
  @ApiErrors(400, 404)
  get(@Param('id', IdPipe) id: number): Promise<CloudSyncConfigDto> {
    return this.configs.get(id);
  }

  @Requires('admin')
  @Put('configs/:id')
  @SuccessMessage('Cloud sync configuration updated')
  @ApiOperation({ summary: 'Change a configuration; secrets left out of provider_config keep their stored values, "" removes one' })
  @ApiEnvelope(CloudSyncConfigDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', IdPipe) id: number, @Body() body: CloudSyncConfigUpdateDto): Promise<CloudSyncConfigDto> {
    return this.configs.update(id, body);
  }

  @Requires('admin')
  @Delete('configs/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a configuration (refused while schedules use it); nothing on the remote is deleted' })
  @ApiNoContent()
  @ApiErrors(400, 404, 409)
  remove(@Param('id', IdPipe) id: number): Promise<void> {
    return this.configs.remove(id);
  }

  @Requires('operator')
  @Post('configs/:id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Whether rclone can write, read back, delete and list a small test object there; a failure is in the answer' })
  @ApiEnvelope(ConnectionTestDto)
  @ApiErrors(400, 404)
  test(@Param('id', IdPipe) id: number): Promise<ConnectionTestDto> {
    return this.cloudSync.test(id);
  }

  @Requires('operator')
  @Post('configs/:id/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Whether the remote copy of a repository matches it (rclone check, by hash where both sides have one); downloads nothing',
  })
  @ApiEnvelope(CloudVerifyResultDto)
  @ApiErrors(400, 404, 409, 422)
  verify(@Param('id', IdPipe) id: number, @Body() body: CloudSyncRepositoryDto): Promise<CloudVerifyResultDto> {
    return this.cloudSync.verify(id, body.repository_id);
  }

  @Requires('operator')
  @Post('configs/:id/sync')
  @SuccessMessage('Cloud sync started')
  @ApiOperation({ summary: 'Copy a repository off-site now with this configuration (a job, after whatever runs on the repository)' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 422)
  syncWith(@Param('id', IdPipe) id: number, @Body() body: CloudSyncRepositoryDto): Promise<JobDto> {
    return this.cloudSync.startSyncWith(id, body.repository_id);
  }

  @Requires('operator')
  @Post('sync')
  @Deprecated({
    since: '2026-12-05',
    sunset: '2027-12-31',
    successor: 'POST /api/v1/cloud-sync/configs/{id}/sync',
    successorOperationId: 'cloudSyncSyncWith',
  })
  @SuccessMessage('Cloud sync started')
  @ApiOperation({ summary: 'Copy a repository off-site now (a job, after whatever runs on the repository)' })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(422)
  sync(@Body() body: CloudSyncRequestDto): Promise<JobDto> {
    return this.cloudSync.startSync(body);
  }
}
