import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors } from '../platform/openapi/api-responses';
import { FileSearchQueryDto, FileSearchResultDto } from './dto/file-search.dto';
import { FileSearch } from './file-search';
import { Requires } from '../auth/roles/requires.decorator';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly files: FileSearch) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({
    summary:
      'A name across every repository, in the browse indexes of each one’s newest 20 indexed archives: one hit per path, at its newest archive, with its other versions',
  })
  @ApiEnvelope(FileSearchResultDto)
  @ApiErrors(400, 422)
  search(@Query() query: FileSearchQueryDto): Promise<FileSearchResultDto> {
    return this.files.search(query);
  }
}
