import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '../platform/http/envelope';
import { NamedListQueryDto } from '../platform/filtering/named-list';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { CreateRepositoryDto, DeleteRepositoryQueryDto, UpdateRepositoryDto } from './dto/repository-input.dto';
import { RepositoryDto } from './dto/repository.dto';
import { RepositoryInfoDto, RepositoryKeyDto, RepositoryTestResultDto } from './dto/repository-results.dto';
import { RepositoriesService } from './repositories.service';
import { Requires } from '../auth/roles/requires.decorator';
import { IdPipe } from '../platform/http/id.pipe';

@ApiTags('repositories')
@Controller('repositories')
export class RepositoriesController {
  constructor(private readonly repositories: RepositoriesService) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({ summary: 'List repositories (figures as of their last test/info; no borg call)' })
  @ApiEnvelope(RepositoryDto, { paginated: true })
  @ApiErrors(400)
  list(@Query() query: NamedListQueryDto): Promise<Page<RepositoryDto>> {
    return this.repositories.list(query);
  }

  @Requires('admin')
  @Post()
  @SuccessMessage('Repository created')
  @ApiOperation({ summary: 'Create (borg init) or import (initialize: false) a repository' })
  @ApiEnvelope(RepositoryDto, { status: 201 })
  @ApiErrors(409, 422)
  create(@Body() body: CreateRepositoryDto): Promise<RepositoryDto> {
    return this.repositories.create(body);
  }

  @Requires('viewer')
  @Get(':id')
  @ApiOperation({ summary: 'One repository' })
  @ApiEnvelope(RepositoryDto)
  @ApiErrors(400, 404)
  get(@Param('id', IdPipe) id: number): Promise<RepositoryDto> {
    return this.repositories.get(id);
  }

  @Requires('admin')
  @Put(':id')
  @SuccessMessage('Repository updated')
  @ApiOperation({ summary: 'Rename, move, or change the passphrase or ssh settings (verified with borg before saving)' })
  @ApiEnvelope(RepositoryDto)
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateRepositoryDto): Promise<RepositoryDto> {
    return this.repositories.update(id, body);
  }

  @Requires('admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget the repository; ?delete_data=true also deletes it and all its archives' })
  @ApiNoContent()
  @ApiErrors(400, 404, 409, 422)
  remove(@Param('id', IdPipe) id: number, @Query() query: DeleteRepositoryQueryDto): Promise<void> {
    return this.repositories.remove(id, query.delete_data === 'true');
  }

  @Requires('operator')
  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check that borg can open the repository; ok=false carries the reason' })
  @ApiEnvelope(RepositoryTestResultDto)
  @ApiErrors(400, 404)
  test(@Param('id', IdPipe) id: number): Promise<RepositoryTestResultDto> {
    return this.repositories.test(id);
  }

  @Requires('viewer')
  @Get(':id/info')
  @ApiOperation({ summary: 'borg info: sizes, deduplication, encryption, location' })
  @ApiEnvelope(RepositoryInfoDto)
  @ApiErrors(400, 404, 409, 422)
  info(@Param('id', IdPipe) id: number): Promise<RepositoryInfoDto> {
    return this.repositories.info(id);
  }

  @Requires('admin')
  @Get(':id/key')
  @ApiOperation({ summary: 'Export the repository key (borg key export) so that it can be kept safe' })
  @ApiEnvelope(RepositoryKeyDto)
  @ApiErrors(400, 404, 409, 422)
  exportKey(@Param('id', IdPipe) id: number): Promise<RepositoryKeyDto> {
    return this.repositories.exportKey(id);
  }

  @Requires('admin')
  @Post(':id/break-lock')
  @HttpCode(200)
  @SuccessMessage('Lock broken')
  @ApiOperation({ summary: 'Remove a stale borg lock (only when no borg process uses the repository)' })
  @ApiEnvelope(null)
  @ApiErrors(400, 404, 409, 422)
  async breakLock(@Param('id', IdPipe) id: number): Promise<null> {
    await this.repositories.breakLock(id);
    return null;
  }
}
