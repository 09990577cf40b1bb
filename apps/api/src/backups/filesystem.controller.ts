import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors } from '../platform/openapi/api-responses';
import { DirectoryBrowser } from './directory-browser';
import { DirectoryListingDto, DirectoryQueryDto } from './dto/directory-listing.dto';
import { Requires } from '../auth/roles/requires.decorator';

@ApiTags('filesystem')
@Controller('filesystem')
export class FilesystemController {
  constructor(private readonly browser: DirectoryBrowser) {}

  @Requires('operator')
  @Get('directory')
  @ApiOperation({ summary: 'List a directory of the server (to choose what to back up); at most 1000 entries' })
  @ApiEnvelope(DirectoryListingDto)
  @ApiErrors(400, 403, 404)
  directory(@Query() query: DirectoryQueryDto): Promise<DirectoryListingDto> {
    return this.browser.list(query.path);
  }
}
