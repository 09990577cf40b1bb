import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../platform/openapi/api-responses';
import { OverviewDto } from './dto/overview.dto';
import { OverviewService } from './overview.service';
import { Requires } from '../auth/roles/requires.decorator';

@ApiTags('overview')
@Controller('overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Requires('viewer')
  @Get()
  @ApiOperation({
    summary: "Every repository's health in one answer, worst first, with the totals and the running jobs (stored data only, no borg)",
  })
  @ApiEnvelope(OverviewDto)
  get(): Promise<OverviewDto> {
    return this.overview.overview();
  }
}
