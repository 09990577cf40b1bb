import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { JobDto } from '../jobs/dto/job.dto';
import { Page } from '../platform/http/envelope';
import { SuccessMessage } from '../platform/http/success-message.decorator';
import { ApiEnvelope, ApiErrors, ApiNoContent } from '../platform/openapi/api-responses';
import { ArchiveDownloads } from './archive-downloads';
import { ArchivePath } from './archive-path';
import { ArchivePathQuery } from './archive-path.decorator';
import { ArchivesService } from './archives.service';
import { ArchiveDetailsDto, ArchiveDto, ArchiveIndexStatusDto } from './dto/archive.dto';
import { ArchiveEntryDto, DiffEntryDto, SearchResultDto } from './dto/archive-entry.dto';
import { DeleteArchivesDto } from './dto/delete-archives.dto';
import {
  ArchiveBrowseQueryDto,
  ArchiveDiffQueryDto,
  ArchiveDownloadQueryDto,
  ArchiveListQueryDto,
  ArchiveSearchQueryDto,
  RestoreArchiveDto,
} from './dto/archive-queries.dto';
import { CurrentPrincipal, Principal } from '../auth/authenticated-request';
import { Requires } from '../auth/roles/requires.decorator';
import { IdPipe } from '../platform/http/id.pipe';

const INDEXING = 'The archive is being indexed for browsing; data is the progress. Ask again shortly.';

@ApiTags('archives')
@Controller('repositories/:id')
export class ArchivesController {
  constructor(
    private readonly archives: ArchivesService,
    private readonly downloads: ArchiveDownloads,
  ) {}

  @Requires('viewer')
  @Get('archives')
  @ApiOperation({ summary: 'Every archive of the repository, newest first (stored list; ?refresh=true reads it from borg)' })
  @ApiEnvelope(ArchiveDto, { paginated: true })
  @ApiErrors(400, 404, 422)
  list(@Param('id', IdPipe) id: number, @Query() query: ArchiveListQueryDto): Promise<Page<ArchiveDto>> {
    return this.archives.list(id, query);
  }

  @Requires('admin')
  @Post('archives/delete')
  @ApiOperation({
    summary:
      'Delete several archives (at most 500) in one job and one borg call, then borg compact if asked. ' +
      '200 with the finished job; 202 with the job if it takes longer than a minute.',
  })
  @ApiEnvelope(JobDto, { description: 'Done: data is the finished job' })
  @ApiEnvelope(JobDto, { status: 202, description: 'Still running: data is the job' })
  @ApiErrors(400, 404, 409, 422)
  async removeMany(
    @Param('id', IdPipe) id: number,
    @Body() body: DeleteArchivesDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobDto> {
    const { job, finished } = await this.archives.deleteMany(id, body.names, body.compact ?? false);
    res.status(finished ? 200 : 202);
    return job;
  }

  @Requires('viewer')
  @Get('archives/:archive')
  @ApiOperation({ summary: 'borg info of one archive: sizes, deduplication, duration, command line (stored after the first call)' })
  @ApiEnvelope(ArchiveDetailsDto)
  @ApiErrors(400, 404, 409, 422)
  details(@Param('id', IdPipe) id: number, @Param('archive') archive: string): Promise<ArchiveDetailsDto> {
    return this.archives.details(id, archive);
  }

  @Requires('admin')
  @Delete('archives/:archive')
  @ApiOperation({
    summary:
      'Delete an archive (a logged job). 204 when done; 202 with the job if it takes longer than a minute. Space is freed by borg compact.',
  })
  @ApiNoContent()
  @ApiEnvelope(JobDto, { status: 202, description: 'Still running: data is the job' })
  @ApiErrors(400, 404, 409, 422)
  async remove(
    @Param('id', IdPipe) id: number,
    @Param('archive') archive: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobDto | undefined> {
    const pending = await this.archives.delete(id, archive);
    res.status(pending ? 202 : 204);
    return pending ?? undefined;
  }

  @Requires('viewer')
  @Get('archives/:archive/browse')
  @ApiOperation({ summary: 'The entries directly inside a directory of the archive, from its index (built on first use)' })
  @ApiEnvelope(ArchiveEntryDto, { paginated: true })
  @ApiEnvelope(ArchiveIndexStatusDto, { status: 202, description: INDEXING })
  @ApiErrors(400, 404, 422)
  async browse(
    @Param('id', IdPipe) id: number,
    @Param('archive') archive: string,
    @Query() query: ArchiveBrowseQueryDto,
    @ArchivePathQuery('path') path: ArchivePath,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<ArchiveEntryDto> | ArchiveIndexStatusDto> {
    const result = await this.archives.browse(id, archive, path, query);
    if ('indexing' in result) {
      res.status(202);
      return result.indexing;
    }
    return result;
  }

  @Requires('operator')
  @Get('archives/:archive/download')
  @ApiOperation({
    summary: 'Download a file (as it is) or a directory (as a tar), streamed from borg',
    description:
      'Success is the raw bytes with Content-Disposition: attachment. While the archive is first being indexed: 503 with Retry-After, and the progress in error.details.index.',
  })
  @ApiResponse({
    status: 200,
    description:
      'A directory: application/x-tar. A file: the media type its name has (text/plain for notes.txt, image/png…), ' +
      'application/octet-stream when the name says none',
    content: {
      'application/x-tar': { schema: { type: 'string', format: 'binary' } },
      '*/*': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 404, 422, 503)
  async download(
    @Param('id', IdPipe) id: number,
    @Param('archive') archive: string,
    @Query() _query: ArchiveDownloadQueryDto,
    @ArchivePathQuery('path') path: ArchivePath,
    @Res() res: Response,
  ): Promise<void> {
    return this.downloads.download(id, archive, path, res);
  }

  @Requires('viewer')
  @Get('archives/:archive/index')
  @ApiOperation({ summary: 'State of the archive’s browse index' })
  @ApiEnvelope(ArchiveIndexStatusDto)
  @ApiErrors(400, 404)
  indexStatus(@Param('id', IdPipe) id: number, @Param('archive') archive: string): Promise<ArchiveIndexStatusDto> {
    return this.archives.indexStatus(id, archive);
  }

  @Requires('operator')
  @Post('archives/:archive/index')
  @HttpCode(202)
  @SuccessMessage('Indexing started')
  @ApiOperation({ summary: 'Build the archive’s browse index now (for search), without waiting for it' })
  @ApiEnvelope(ArchiveIndexStatusDto, { status: 202 })
  @ApiErrors(400, 404)
  startIndex(@Param('id', IdPipe) id: number, @Param('archive') archive: string): Promise<ArchiveIndexStatusDto> {
    return this.archives.startIndex(id, archive);
  }

  @Requires('operator')
  @Post('archives/:archive/restore')
  @SuccessMessage('Restore started')
  @ApiOperation({
    summary: 'Extract files and directories of the archive into a directory on the server (a job)',
    description:
      'An operator restores only inside the restore roots (GET /api/v1/restore-roots, BORGITORY_RESTORE_ROOTS); a target ' +
      'outside them, or reached through a symbolic link that leads out, is 403. An admin restores anywhere.',
  })
  @ApiEnvelope(JobDto, { status: 201 })
  @ApiErrors(400, 404, 409, 422)
  restore(
    @Param('id', IdPipe) id: number,
    @Param('archive') archive: string,
    @Body() body: RestoreArchiveDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JobDto> {
    return this.archives.restore(id, archive, body, principal.role);
  }

  @Requires('viewer')
  @Get('archives/:archive/diff/:other')
  @ApiOperation({ summary: 'What changed from one archive to the other: files added, removed and modified (borg diff)' })
  @ApiEnvelope(DiffEntryDto, { paginated: true })
  @ApiErrors(400, 404, 422)
  diff(
    @Param('id', IdPipe) id: number,
    @Param('archive') archive: string,
    @Param('other') other: string,
    @Query() query: ArchiveDiffQueryDto,
    @ArchivePathQuery('path') path: ArchivePath,
  ): Promise<Page<DiffEntryDto>> {
    return this.archives.diff(id, archive, other, path, query);
  }

  @Requires('viewer')
  @Get('search')
  @ApiOperation({ summary: 'Find files by name across the indexed archives: every version of a file, newest first' })
  @ApiEnvelope(SearchResultDto)
  @ApiErrors(400, 404, 422)
  search(@Param('id', IdPipe) id: number, @Query() query: ArchiveSearchQueryDto): Promise<SearchResultDto> {
    return this.archives.search(id, query);
  }
}
